#!/usr/bin/env bash
# Runs every fuzz target for a bounded time and reports what it found.
#
# usage: tests/fuzz/run.sh [BUILD_DIR] [SECONDS]
#   BUILD_DIR  a build configured with CC=clang -DFB_FUZZ=ON (default: build-fuzz)
#   SECONDS    per target (default: $FUZZ_SECONDS, else 60)
# FUZZ_JOBS targets run at once (default: the number of CPUs). Each starts
# from its seed corpus (tests/fuzz/corpus/<target>) and the inputs that once
# crashed (tests/fuzz/regress/<target>); what it learns stays in a scratch
# directory, so the repository is not touched. Crashes, leaks, timeouts and
# out-of-memory inputs are kept in $FUZZ_OUT (default: a directory under
# /tmp, printed, removed when nothing was found). Prints the executions per
# target and in total and the findings; exits 1 when there is any finding.
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
build=${1:-build-fuzz}
seconds=${2:-${FUZZ_SECONDS:-60}}
jobs=${FUZZ_JOBS:-$(nproc)}
out=${FUZZ_OUT:-$(mktemp -d /tmp/factbench-fuzz.XXXXXX)}
targets=(gold corpus response config report)

for t in "${targets[@]}"; do
    if [[ ! -x $build/fuzz/fuzz_$t ]]; then
        echo "run.sh: no fuzzer '$build/fuzz/fuzz_$t': configure with CC=clang -DFB_FUZZ=ON" >&2
        exit 2
    fi
done

run_one() {
    local t=$1 dir=$out/$1
    mkdir -p "$dir/corpus" "$dir/artifacts"
    local seeds=("$here/corpus/$t")
    [[ -d $here/regress/$t ]] && seeds+=("$here/regress/$t")
    # Leaks are findings too; -timeout makes a slow input one.
    ASAN_OPTIONS=detect_leaks=1:allocator_may_return_null=1 \
    UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
        "$build/fuzz/fuzz_$t" -max_total_time="$seconds" -timeout=20 -rss_limit_mb=2048 \
        -print_final_stats=1 -artifact_prefix="$dir/artifacts/" \
        "$dir/corpus" "${seeds[@]}" >"$dir/log" 2>&1
}

echo "fuzzing ${targets[*]}: $seconds s each, $jobs at once; findings go to $out"
running=0
for t in "${targets[@]}"; do
    run_one "$t" &
    running=$((running + 1))
    if ((running >= jobs)); then
        wait -n
        running=$((running - 1))
    fi
done
wait

total=0
findings=0
printf '%-10s %14s %9s %9s\n' target executions exec/s findings
for t in "${targets[@]}"; do
    log=$out/$t/log
    execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
    rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
    found=$(find "$out/$t/artifacts" -type f | wc -l)
    if [[ -z $execs ]]; then
        found=$((found + 1)) # it died before its statistics: a finding
        execs=0
    fi
    printf '%-10s %14s %9s %9s\n' "$t" "$execs" "${rate:-0}" "$found"
    total=$((total + execs))
    findings=$((findings + found))
    if ((found)); then
        echo "--- $t: $log"
        grep -E -A12 '^==[0-9]+==ERROR|runtime error|property failed|ALARM|out-of-memory' "$log" |
            head -40
        ls "$out/$t/artifacts"
    fi
done
printf '%-10s %14s %9s %9s\n' total "$total" "" "$findings"
if ((findings)); then
    echo "fuzzing found $findings problem(s); inputs in $out/*/artifacts"
    exit 1
fi
[[ -n ${FUZZ_OUT:-} ]] || rm -rf "$out"
