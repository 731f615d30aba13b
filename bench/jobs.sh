#!/usr/bin/env bash
# Measures how --jobs spreads a slow backend over workers: a jsonl backend
# that sleeps 20 ms per article (fb_bench_backend --sleep-ms 20, built
# beside FACTBENCH), run with --jobs 1, 8 and 16 side by side on the same
# synthetic corpus. Prints the wall times and their ratios; the target is at
# least 12x for --jobs 16.
#
# Usage: bench/jobs.sh [FACTBENCH] [ARTICLES]
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${1:-build/factbench}
n=${2:-1000}
backend_bin=$(dirname "$bin")/fb_bench_backend
if [ ! -x "$backend_bin" ]; then
    echo "error: no backend '$backend_bin': build the fb_bench_backend target" >&2
    exit 2
fi
backend_bin=$(cd "$(dirname "$backend_bin")" && pwd)/fb_bench_backend
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# shellcheck source=bench/lib.sh
. bench/lib.sh
mkdir -p "$work/corpus" "$work/gold"
for i in $(seq 1 "$n"); do
    echo "Article $i." > "$work/corpus/sleep20-$i.txt"
    echo "{\"article\": \"sleep20-$i\", \"actors\": [{\"name\": \"Ana\"}]}" > "$work/gold/sleep20-$i.json"
done
backend="jsonl:$backend_bin --sleep-ms 20"
time_run() {
    local t
    read -r t _ < <(time_cmd "$bin" run --corpus "$work/corpus" --gold "$work/gold" \
        --backend "$backend" --jobs "$1" --no-cache --out "$work/out-$1" --bootstrap 0 \
        --permutations 0)
    echo "$t"
}
t1=$(time_run 1)
t8=$(time_run 8)
t16=$(time_run 16)
printf 'articles: %s, backend sleeps 20 ms per article\n' "$n"
printf -- '--jobs 1:  %6.2f s\n--jobs 8:  %6.2f s  (%.1fx)\n--jobs 16: %6.2f s  (%.1fx, target: 12x)\n' \
    "$t1" "$t8" "$(echo "$t1 / $t8" | bc -l)" "$t16" "$(echo "$t1 / $t16" | bc -l)"
