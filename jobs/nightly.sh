#!/usr/bin/env bash
# nightly.sh: runs campaign files one after another with `bin/critsweep run`, from the project root (so a relative
# campaign.output lands in the project's runs/), appending everything to DIR/nightly-YYYY-MM-DD.log. It keeps going
# after a failed campaign, ends with a summary on stdout and in the log, and exits 1 if any campaign failed, 0 if
# none did, 2 on bad usage or when another nightly.sh holds the lock on DIR. An interrupted campaign is simply
# listed again: `run` picks it up. Relative CONF and DIR paths are taken from the directory you call it from.
set -u

usage="usage: jobs/nightly.sh [--log-dir DIR] [--master URL] CONF...   (default DIR: runs/logs in the project)"
root=$(cd "$(dirname "$0")/.." && pwd)
here=$(pwd)

absolute() {
    case $1 in
        /*) printf '%s\n' "$1" ;;
        *) printf '%s\n' "$here/$1" ;;
    esac
}

fail_usage() {
    echo "nightly.sh: $1" >&2
    echo "$usage" >&2
    exit 2
}

log_dir=$root/runs/logs
master=
while [ $# -gt 0 ]; do
    case $1 in
        --log-dir) [ $# -ge 2 ] || fail_usage "--log-dir needs a directory"; log_dir=$(absolute "$2"); shift 2 ;;
        --master) [ $# -ge 2 ] || fail_usage "--master needs a URL"; master=$2; shift 2 ;;
        -h | --help) echo "$usage"; exit 0 ;;
        -*) fail_usage "unknown option $1" ;;
        *) break ;;
    esac
done
[ $# -gt 0 ] || fail_usage "no campaign files given"

mkdir -p "$log_dir" || { echo "nightly.sh: cannot create the log directory $log_dir" >&2; exit 2; }

# The lock file holds the PID of the nightly.sh that owns the log directory; a PID that is no longer alive is stale.
lock=$log_dir/nightly.lock
take_lock() { (set -C; echo $$ >"$lock") 2>/dev/null; }
if ! take_lock; then
    owner=$(cat "$lock" 2>/dev/null)
    if [ -n "$owner" ] && ps -p "$owner" >/dev/null 2>&1; then
        echo "nightly.sh: another nightly.sh (PID $owner) is running on $log_dir; lock file $lock" >&2
        exit 2
    fi
    echo "nightly.sh: taking over the stale lock $lock (PID ${owner:-none} is not running)" >&2
    rm -f "$lock"
    take_lock || { echo "nightly.sh: another nightly.sh took the lock $lock first" >&2; exit 2; }
fi
trap 'rm -f "$lock"' EXIT
trap 'exit 129' HUP
trap 'exit 130' INT
trap 'exit 143' TERM

log=$log_dir/nightly-$(date +%Y-%m-%d).log
say() { printf '%s\n' "$*" | tee -a "$log"; }
now() { date '+%Y-%m-%d %H:%M:%S'; }

cd "$root" || exit 1
say "=== $(now) nightly.sh: $# campaign(s), log $log"
summary=
failed=0
for conf in "$@"; do
    conf=$(absolute "$conf")
    say "=== $(now) start $conf"
    start=$(date +%s)
    "$root/bin/critsweep" run "$conf" ${master:+--master "$master"} >>"$log" 2>&1 </dev/null
    code=$?
    seconds=$(($(date +%s) - start))
    duration=$(printf '%d:%02d:%02d' $((seconds / 3600)) $((seconds / 60 % 60)) $((seconds % 60)))
    say "=== $(now) end $conf: exit $code, duration $duration"
    if [ "$code" -eq 0 ]; then
        status=ok
    else
        status=failed
        failed=$((failed + 1))
    fi
    summary="$summary$(printf '%-6s  exit %-3s  %s' "$status" "$code" "$conf")
"
done

say "=== $(now) summary: $failed of $# campaign(s) failed"
printf '%s' "$summary" | tee -a "$log"
[ "$failed" -eq 0 ] || exit 1
