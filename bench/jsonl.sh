#!/usr/bin/env bash
# Measures what the jsonl backend path costs, side by side in one run:
#  1. the path alone (fb_bench_path): 5 x ARTICLES small articles through one
#     jsonl worker that answers at once (fb_bench_backend), against the
#     same driver with --backend null; the target is at least 20,000
#     articles/s through one worker;
#  2. whole runs on a synthetic corpus (factbench synth --jsonl): `run
#     --backend jsonl:fb_bench_backend --jobs 1` against `run --backend
#     null`, each the best of two alternating runs: reading, gold, scoring
#     and reports included, with extraction overlapping the scoring.
#
# Usage: bench/jsonl.sh [FACTBENCH] [ARTICLES]
# fb_bench_backend and fb_bench_path are built beside FACTBENCH.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${1:-build/factbench}
n=${2:-20000}
dir=$(cd "$(dirname "$bin")" && pwd)
for tool in fb_bench_backend fb_bench_path; do
    if [ ! -x "$dir/$tool" ]; then
        echo "error: no '$dir/$tool': build the $tool target" >&2
        exit 2
    fi
done
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# shellcheck source=bench/lib.sh
. bench/lib.sh
worker="jsonl:$dir/fb_bench_backend"

echo "1. the path alone, $((n * 5)) articles, one worker"
"$dir/fb_bench_path" null $((n * 5))
"$dir/fb_bench_path" "$worker" $((n * 5))

"$bin" synth --articles "$n" --out "$work/synth" --jsonl >/dev/null
sync # the synthetic files' writeback must not land in the first run
run() {
    rm -rf "$work/out"
    time_cmd "$bin" run --corpus "$work/synth/corpus.jsonl" --gold "$work/synth/gold" \
        --backend "$1" --jobs 1 --no-cache --out "$work/out" --bootstrap 0 --permutations 0
}
best() { printf '%s\n' "$@" | sort -g | head -1; }
read -r tn1 _ < <(run null)
read -r tj1 _ < <(run "$worker")
read -r tn2 _ < <(run null)
read -r tj2 _ < <(run "$worker")
tn=$(best "$tn1" "$tn2")
tj=$(best "$tj1" "$tj2")
echo "2. whole runs, $n synthetic articles, best of 2"
printf -- '--backend null:  %6.2f s  %6.0f articles/s\n' "$tn" "$(echo "$n / $tn" | bc -l)"
printf -- '--backend jsonl: %6.2f s  %6.0f articles/s  (%sx null)\n' "$tj" \
    "$(echo "$n / $tj" | bc -l)" "$(ratio "$tj" "$tn")"
