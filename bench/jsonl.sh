#!/usr/bin/env bash
# Measures what the jsonl backend path costs per article: a synthetic corpus
# (factbench synth --jsonl) run through one jsonl worker that answers at
# once (fb_bench_backend, an empty prediction) with --jobs 1, and side by
# side with --backend null on the same corpus (reading, running and scoring
# without a backend process), each the best of two alternating runs. Prints
# articles/s of each and the difference: the jsonl path's own time per
# article, and the articles/s it alone would allow; the target is at least
# 20,000 articles/s through one worker.
#
# Usage: bench/jsonl.sh [FACTBENCH] [BACKEND_BIN] [ARTICLES]
# BACKEND_BIN defaults to fb_bench_backend beside FACTBENCH (built with it).
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${1:-build/factbench}
backend_bin=${2:-$(dirname "$bin")/fb_bench_backend}
n=${3:-20000}
if [ ! -x "$backend_bin" ]; then
    echo "error: no backend '$backend_bin': build the fb_bench_backend target" >&2
    exit 2
fi
backend_bin=$(cd "$(dirname "$backend_bin")" && pwd)/$(basename "$backend_bin")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$bin" synth --articles "$n" --out "$work/synth" --jsonl >/dev/null
time_run() {
    local start end
    start=$(date +%s.%N)
    "$bin" run --corpus "$work/synth/corpus.jsonl" --gold "$work/synth/gold" --backend "$2" \
        --jobs 1 --no-cache --out "$work/out-$1" --bootstrap 0 --permutations 0 >/dev/null
    end=$(date +%s.%N)
    echo "$end - $start" | bc
}
sync # the synthetic files' writeback must not land in the first run
# The difference is small beside the runs: each runs twice, alternating, and the faster counts.
tn=$(time_run null null)
tj=$(time_run jsonl "jsonl:$backend_bin")
tn=$(printf '%s\n' "$tn" "$(time_run null null)" | sort -g | head -1)
tj=$(printf '%s\n' "$tj" "$(time_run jsonl "jsonl:$backend_bin")" | sort -g | head -1)
printf 'articles: %s (synthetic), one worker that answers at once (--jobs 1), best of 2 runs\n' "$n"
printf -- '--backend null:  %6.2f s  %8.0f articles/s\n' "$tn" "$(echo "$n / $tn" | bc -l)"
printf -- '--backend jsonl: %6.2f s  %8.0f articles/s\n' "$tj" "$(echo "$n / $tj" | bc -l)"
if [ "$(echo "$tj > $tn" | bc)" = 1 ]; then
    printf 'jsonl path (jsonl - null): %.1f us/article, %.0f articles/s  (target: 20000)\n' \
        "$(echo "($tj - $tn) * 1000000 / $n" | bc -l)" "$(echo "$n / ($tj - $tn)" | bc -l)"
else
    printf 'jsonl path (jsonl - null): not measurable, jsonl took no longer than null\n'
fi
