#!/bin/sh
# Times critsweep sql on a campaign directory, both engines, N runs each (wall clock of the whole command, JVM start
# included), and prints the median of each: SELECT 1, a group-by over raw, and a fits query (docs/PERFORMANCE.md).
# Usage: jobs/bench-sql.sh DIR [RUNS]
set -eu
dir=$1
runs=${2:-3}
root=$(cd "$(dirname "$0")/.." && pwd)
rows=$("$root/bin/critsweep" sql --campaign "$dir" --format csv "SELECT COUNT(*) FROM raw" 2>/dev/null | tail -n 1)
echo "campaign $dir: raw has $rows rows; $(lscpu | grep 'Model name' | sed 's/  */ /g'); $(nproc) cores;$(uptime | sed 's/.*load/ load/')"
median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
for engine in duckdb spark; do
    for name in select1 raw_group_by fits; do
        case $name in
            select1) query="SELECT 1" ;;
            raw_group_by) query="SELECT point_id, COUNT(*) AS n, AVG(rho) AS rho FROM raw GROUP BY point_id ORDER BY point_id" ;;
            fits) query="SELECT width, estimate, stderr FROM fits WHERE quantity = 'sigma_w_c' ORDER BY width" ;;
        esac
        times=""
        i=0
        while [ "$i" -lt "$runs" ]; do
            start=$(date +%s.%N)
            "$root/bin/critsweep" sql --engine "$engine" --campaign "$dir" --format csv "$query" >/dev/null 2>&1
            end=$(date +%s.%N)
            times="$times $(echo "$end - $start" | bc)"
            i=$((i + 1))
        done
        printf '%-7s %-13s median %6.2f s of %d runs (%s )\n' "$engine" "$name" \
            "$(echo "$times" | tr ' ' '\n' | grep . | median)" "$runs" "$times"
    done
done
