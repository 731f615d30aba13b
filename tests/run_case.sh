#!/bin/sh
# Runs one golden command-line case: tests/cases/<command>/<case>/.
# The case directory holds its inputs, `args` (optional: the command's
# arguments, one per line; default: none), `expected`: the exit code on the
# first line, then the exact stderr, and optionally `expected-stdout`. The command runs inside the case directory,
# so messages name files as a user would see them.
set -u
bin=$1
dir=$2
command=$(basename "$(dirname "$dir")")
cd "$dir" || exit 1
set -- "$command"
if [ -f args ]; then
    while IFS= read -r line; do set -- "$@" "$line"; done < args
fi
out=$(mktemp)
err=$(mktemp)
"$bin" "$@" >"$out" 2>"$err"
code=$?
actual=$(mktemp)
{ echo "$code"; cat "$err"; } >"$actual"
status=0
diff -u expected "$actual" || status=1
if [ -f expected-stdout ]; then
    diff -u expected-stdout "$out" || status=1
fi
rm -f "$out" "$err" "$actual"
exit $status
