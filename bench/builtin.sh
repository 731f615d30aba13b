#!/usr/bin/env bash
# Measures the built-in extractor's throughput: the shipped corpus copied
# COPIES times under new ids (gold included), run with --backend builtin and,
# side by side on the same corpus, --backend null (reading, running and
# scoring without extraction) and cat of the article texts, on one core:
# --threads 1, pinned with taskset when it exists. Prints the megabytes of
# article text (10^6 bytes), each wall time and peak RSS, and MB/s of
# builtin's whole run; the target, at least 20 MB/s on one core, is for the
# extractor alone (the last line).
#
# The last line is the extractor alone: fb_bench_path (built beside
# FACTBENCH) hands it the same number of articles from corpus/, read into
# memory first, without gold, scoring or files.
#
# Usage: bench/builtin.sh [FACTBENCH] [COPIES]
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${1:-build/factbench}
copies=${2:-100}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# shellcheck source=bench/lib.sh
. bench/lib.sh
mkdir -p "$work/corpus" "$work/gold"
# Read once, written COPIES times by the shell itself: no process per file.
ids=() texts=() golds=()
for f in corpus/*.txt; do
    id=$(basename "$f" .txt)
    IFS= read -r -d '' text <"$f" || true
    IFS= read -r -d '' gold <"gold/$id.json" || true
    ids+=("$id") texts+=("$text") golds+=("$gold")
done
for k in $(seq 1 "$copies"); do
    for i in "${!ids[@]}"; do
        id=${ids[i]} new="x$k-${ids[i]}"
        printf '%s' "${texts[i]}" >"$work/corpus/$new.txt"
        printf '%s' "${golds[i]/\"article\": \"$id\"/\"article\": \"$new\"}" >"$work/gold/$new.json"
    done
done
bytes=$(($(cat corpus/*.txt | wc -c) * copies)) # the copies are not read before cat's turn
sync # the new files' writeback must not land in the first run
pin=()
if command -v taskset >/dev/null; then
    pin=(taskset -c 0)
    cores="pinned to core 0"
else
    cores="not pinned: taskset not found"
fi
time_run() {
    time_cmd "${pin[@]}" "$bin" run --corpus "$work/corpus" --gold "$work/gold" --backend "$1" \
        --out "$work/out-$1" --bootstrap 0 --permutations 0 --threads 1
}
cat_out=$(time_cmd "${pin[@]}" find "$work/corpus" -name '*.txt' -exec cat {} +)
null_out=$(time_run null)
builtin_out=$(time_run builtin)
read -r tc _ <<<"$cat_out"
read -r tn rn <<<"$null_out"
read -r tb rb <<<"$builtin_out"
mb=$(echo "$bytes / 1000000" | bc -l)
printf 'articles: %s (%s copies of corpus/), article text: %.1f MB, %s\n' \
    "$(( ${#ids[@]} * copies ))" "$copies" "$mb" "$cores"
printf 'cat:              %6.2f s\n' "$tc"
printf -- '--backend null:    %6.2f s  %4d MiB peak RSS\n' "$tn" "$((rn / 1024))"
printf -- '--backend builtin: %6.2f s  %4d MiB peak RSS  %6.1f MB/s\n' \
    "$tb" "$((rb / 1024))" "$(echo "$mb / $tb" | bc -l)"
printf 'whole runs: builtin - null: %6.2f s (extraction, and scoring what it found)\n' \
    "$(echo "$tb - $tn" | bc -l)"
echo "the extractor alone (fb_bench_path, the corpus in memory; target: 20 MB/s):"
"${pin[@]}" "$(dirname "$bin")/fb_bench_path" builtin "$(( ${#ids[@]} * copies ))" corpus
