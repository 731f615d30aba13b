#!/bin/sh
# Runs one golden command-line case: tests/cases/<command>/<case>/.
# The case directory holds its inputs, `args` (optional: the command's
# arguments, one per line; default: none) and `expected`: the exit code on the
# first line, then the exact stderr. The command runs inside the case directory,
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
"$bin" "$@" >/dev/null 2>"$out"
code=$?
actual=$(mktemp)
{ echo "$code"; cat "$out"; } >"$actual"
if diff -u expected "$actual"; then
    rm -f "$out" "$actual"
    exit 0
fi
rm -f "$out" "$actual"
exit 1
