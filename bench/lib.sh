# shellcheck shell=bash
# Shared by the scripts of bench/ (sourced): timing commands side by side.
# Needs $work, a scratch directory the caller removes.

# Runs a command with its output discarded; prints its wall time in seconds
# and its peak RSS in KB (GNU time's %M), separated by a blank.
time_cmd() {
    local start end
    start=$(date +%s.%N)
    /usr/bin/time -f '%M' -o "${work:?}/rss" "$@" >/dev/null
    end=$(date +%s.%N)
    echo "$(echo "$end - $start" | bc) $(cat "$work/rss")"
}

# x / y with two decimals
ratio() {
    printf '%.2f' "$(echo "$1 / $2" | bc -l)"
}
