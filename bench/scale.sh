#!/usr/bin/env bash
# Measures scoring at scale on synthetic corpora (factbench synth --jsonl),
# side by side in one run:
#  a. `score` over LARGE articles against `cat` of the same gold and
#     prediction files (target: at most 3x), with the default threads (one
#     per CPU) and with --threads 1;
#  b. peak RSS of `score` and of `run --backend builtin` at SMALL and LARGE
#     articles (target: flat within 20%, at most 64 MiB at LARGE);
#  e. what the statistics add: `run --backend dir:PRED --backend oracle`
#     (so that the paired test runs) with --bootstrap 1000 --permutations
#     10000 against the same run with neither (target: at most +50%).
#
# The outputs go to a tmpfs (/dev/shm) when there is one: `run` writes a
# prediction file per article, and creating 200,000 files on a disk
# filesystem (ext4 after many deletions) costs seconds of kernel time that
# vary from run to run and would hide what is measured.
#
# Usage: bench/scale.sh [FACTBENCH] [SMALL] [LARGE]
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${1:-build/factbench}
small=${2:-10000}
large=${3:-100000}
work=$(mktemp -d)
out=$(mktemp -d -p /dev/shm 2>/dev/null || mktemp -d)
trap 'rm -rf "$work" "$out"' EXIT
# shellcheck source=bench/lib.sh
. bench/lib.sh

for n in "$small" "$large"; do
    "$bin" synth --articles "$n" --out "$work/s$n" --jsonl >/dev/null
done
sync # the synthetic files' writeback must not land in the first run
inputs() { # the options that read synthetic corpus $1
    echo --corpus "$work/s$1/corpus.jsonl" --gold "$work/s$1/gold"
}
no_stats=(--bootstrap 0 --permutations 0)
# shellcheck disable=SC2046 # inputs() gives separate words
# each run writes a fresh output directory: replacing files would time their deletion too
score() { rm -rf "$out/o"; time_cmd "$bin" score --pred "$work/s$1/pred" $(inputs "$1") --out "$out/o" "${@:2}"; }
# shellcheck disable=SC2046
run() { rm -rf "$out/o"; time_cmd "$bin" run $(inputs "$1") --out "$out/o" --no-cache "${@:2}"; }

read -r t_cat _ < <(time_cmd sh -c "find '$work/s$large/gold' '$work/s$large/pred' -type f \
    -print0 | xargs -0 cat")
read -r t_score r_large < <(score "$large" "${no_stats[@]}")
read -r t_score1 _ < <(score "$large" "${no_stats[@]}" --threads 1)
read -r _ r_small < <(score "$small" "${no_stats[@]}")
read -r _ r_run_small < <(run "$small" "${no_stats[@]}")
read -r _ r_run_large < <(run "$large" "${no_stats[@]}")
two=(--backend "dir:$work/s$large/pred" --backend oracle)
read -r t_plain _ < <(run "$large" "${two[@]}" "${no_stats[@]}")
read -r t_stats _ < <(run "$large" "${two[@]}" --bootstrap 1000 --permutations 10000)

mib() { echo $(($1 / 1024)); }
printf 'synthetic corpora of %s and %s articles; %s CPUs\n' "$small" "$large" "$(nproc)"
printf 'a. %s articles: cat of gold and predictions %.2f s\n' "$large" "$t_cat"
printf '   score:            %6.2f s  %sx cat  (target: at most 3x)\n' "$t_score" \
    "$(ratio "$t_score" "$t_cat")"
printf '   score --threads 1: %5.2f s  %sx cat\n' "$t_score1" "$(ratio "$t_score1" "$t_cat")"
printf 'b. peak RSS     %8s articles %8s articles  large/small  (target: 1.20, 64 MiB)\n' \
    "$small" "$large"
printf '   score         %8s MiB %8s MiB       %s\n' "$(mib "$r_small")" "$(mib "$r_large")" \
    "$(ratio "$r_large" "$r_small")"
printf '   run builtin   %8s MiB %8s MiB       %s\n' "$(mib "$r_run_small")" \
    "$(mib "$r_run_large")" "$(ratio "$r_run_large" "$r_run_small")"
printf 'e. %s articles, two backends: no statistics %.2f s, bootstrap 1000 and 10000\n' \
    "$large" "$t_plain"
printf '   shuffles %.2f s: +%s%%  (target: at most +50%%)\n' "$t_stats" \
    "$(printf '%.0f' "$(echo "($t_stats - $t_plain) * 100 / $t_plain" | bc -l)")"
