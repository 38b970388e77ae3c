#!/bin/sh
# Benchmarks the interactive goals of issue 18 for one build, or two side by side, and prints per build:
#   1 `sql` wall time (JVM start included) of SELECT 1 and of a group-by over a campaign's 10^6-row raw table
#     (the queries of jobs/bench-sql.sh, default engine), medians of RUNS;
#   2 the quickstart's wall time and stage times, medians of RUNS;
#   4 the first progress line at >= 10 % of the sweep: the end it predicts (elapsed + ETA) against the sweep's end
#     and the run's end, as ratios (1 is exact);
#   5 the cost model against the measured sweep: the manifest's estimated core-seconds, the wall time `run` prints
#     (when the build prints one), and the sweep's measured wall time x cores, for a tiny campaign, the quickstart,
#     the smallest CNN campaign (conf/cnn2d-pair.conf) and, with --long, conf/mlp-tanh-fss.conf (about 5 min a build).
# docs/PERFORMANCE.md ("Cost model", "Interactive goals") explains the figures.
#
# Usage: jobs/bench-interactive.sh [--runs N] [--long] [--keep] [--before DIR] [--after DIR] [DIR]
#   DIR, --before, --after: clones with a built jar (mvn -o -B -q -DskipTests package); default: this repository.
#   The campaigns are written under a temporary directory, removed at the end unless --keep.
set -eu

runs=3
long=0
keep=0
builds=""
usage() { echo "usage: jobs/bench-interactive.sh [--runs N] [--long] [--keep] [--before DIR] [--after DIR] [DIR]" >&2; exit 2; }
while [ $# -gt 0 ]; do
    case $1 in
        --runs) [ $# -ge 2 ] || usage; runs=$2; shift 2 ;;
        --long) long=1; shift ;;
        --keep) keep=1; shift ;;
        --before) [ $# -ge 2 ] || usage; builds="$builds before=$2"; shift 2 ;;
        --after) [ $# -ge 2 ] || usage; builds="$builds after=$2"; shift 2 ;;
        -*) usage ;;
        *) builds="$builds build=$1"; shift ;;
    esac
done
case $runs in ''|*[!0-9]*|0) echo "--runs: expected an integer >= 1, got $runs" >&2; exit 2 ;; esac
[ -n "$builds" ] || builds="build=$(cd "$(dirname "$0")/.." && pwd)"
for b in $builds; do
    dir=${b#*=}
    if [ ! -x "$dir/bin/critsweep" ] || [ ! -f "$dir/target/critsweep.jar" ]; then
        echo "${b%%=*}: $dir has no bin/critsweep or no built target/critsweep.jar (mvn -o -B -q -DskipTests package)" >&2
        exit 2
    fi
done

work=$(mktemp -d "${TMPDIR:-/tmp}/bench-interactive.XXXXXX")
[ "$keep" = 1 ] || trap 'rm -rf "$work"' EXIT
median() { sort -g | awk '{ v[NR] = $1 } END { if (NR == 0) print "nan"; else print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
now() { date +%s.%N; }

# run LABEL DIR NAME CONF [--set ...]: one `run`, its stdout and its stderr with a time stamp per line.
run() {
    label=$1 dir=$2 name=$3
    shift 3
    out="$work/$label-$name"
    rm -rf "$out.d"
    start=$(now)
    set +e
    { "$dir/bin/critsweep" run "$@" --set campaign.output="$out.d" 2>&1 >"$out.out" \
        | while IFS= read -r line; do printf '%s %s\n' "$(now)" "$line"; done >"$out.err"; }
    set -e
    end=$(now)
    echo "$start $end" >"$out.time"
    [ -f "$out.d/_campaign/manifest.json" ] || { echo "$label: $name did not write a manifest; see $out.err" >&2; return 1; }
}

# cost LABEL NAME: "name est_core_s est_wall_s measured_wall_s cores measured_core_s kernel_core_s ratio", where ratio
# compares like with like: the estimated wall x cores when the build prints a wall estimate, else its core-seconds.
cost() {
    m="$1-$2"
    manifest="$work/$m.d/_campaign/manifest.json"
    est=$(jq -r '.estimated_core_seconds' "$manifest")
    wall=$(jq -r '.sweep_wall_seconds' "$manifest")
    cores=$(jq -r '.cores' "$manifest")
    kernel=$(jq -r '.sweep_kernel_core_seconds' "$manifest")
    est_wall=$(sed -n 's/^estimated sweep wall time on [0-9]* cores*: about \([0-9.]*\) s.*/\1/p' "$work/$m.out" | head -n 1)
    awk -v n="$2" -v e="$est" -v ew="${est_wall:-nan}" -v w="$wall" -v c="$cores" -v k="$kernel" 'BEGIN {
        measured = w * c; estimate = (ew == "nan") ? e : ew * c
        printf "  %-12s %12.4g %12s %10.1f %5d %12.1f %12.1f %8.2f\n", n, e, ew, w, c, measured, k, estimate / measured }'
}

# eta LABEL NAME: the first progress line at >= 10 %; the end it predicts against the sweep's end and the run's end.
eta() {
    f="$work/$1-$2"
    read -r start end <"$f.time"
    awk -v start="$start" -v end="$end" '
        function eta_seconds(s,   t) {
            if (match(s, /ETA [0-9]+:[0-9]+(:[0-9]+)?/)) {
                n = split(substr(s, RSTART + 4, RLENGTH - 4), p, ":"); t = 0
                for (i = 1; i <= n; i++) t = 60 * t + p[i]
                return t
            }
            if (!match(s, /ETA[^0-9]*[0-9.]+ *(h|min|m|s)?( *[0-9.]+ *s)?/)) return -1
            e = substr(s, RSTART, RLENGTH); sub(/ETA[^0-9]*/, "", e); t = 0
            while (match(e, /[0-9.]+ *(h|min|m|s)?/)) {
                tok = substr(e, RSTART, RLENGTH); v = tok + 0
                t += (tok ~ /h$/) ? 3600 * v : (tok ~ /m(in)?$/) ? 60 * v : v
                e = substr(e, RSTART + RLENGTH)
            }
            return t
        }
        /%/ && /ETA/ && !found {
            match($0, /[0-9]+%/); pct = substr($0, RSTART, RLENGTH - 1) + 0
            if (pct >= 10) { t = eta_seconds($0); if (t >= 0) { found = 1; at = $1 - start; predicted = at + t } }
        }
        /stage: / && !/stage: sweep *$/ && !sweep_end { sweep_end = $1 - start }  # the new builds announce the sweep first
        END {
            if (!found) { printf "  no progress line with an ETA at >= 10 %%\n"; exit }
            printf "  first ETA at >= 10 %% came %.1f s in, predicting the end at %.1f s", at, predicted
            if (sweep_end > 0) printf ": sweep ended at %.1f s (x%.2f)", sweep_end, predicted / sweep_end
            printf ", run at %.1f s (x%.2f)\n", end - start, predicted / (end - start)
        }' "$f.err"
}

sql_median() {
    dir=$1 campaign=$2 query=$3
    i=0 times=""
    while [ "$i" -lt "$runs" ]; do
        s=$(now)
        "$dir/bin/critsweep" sql --campaign "$campaign" --format csv "$query" >/dev/null 2>&1 || echo "sql failed: $query" >&2
        times="$times $(echo "$(now) - $s" | bc -l)"
        i=$((i + 1))
    done
    printf '%.2f' "$(echo "$times" | tr ' ' '\n' | grep . | median)"
}

echo "bench-interactive: $(lscpu | grep 'Model name' | sed 's/  */ /g'); $(nproc) cores; runs $runs;$(uptime | sed 's/.*load/ load/')"
first=${builds# }
first=${first%% *}
first_dir=${first#*=}
# The 10^6-row campaign of jobs/bench-sql.sh (quickstart with 64 replicas), made once by the first build.
run data "$first_dir" sql10e6 "$first_dir/conf/quickstart.conf" --set grid.replicas=64 --set analysis.bootstrap=0

for b in $builds; do
    label=${b%%=*} dir=${b#*=}
    echo
    echo "== $label: $dir ($(git -C "$dir" describe --always --dirty 2>/dev/null || echo unknown))"
    echo "goal 1: sql trivial query $(sql_median "$dir" "$work/data-sql10e6.d" "SELECT 1") s, 10^6-row group-by" \
        "$(sql_median "$dir" "$work/data-sql10e6.d" "SELECT point_id, COUNT(*) AS n, AVG(rho) AS rho FROM raw GROUP BY point_id ORDER BY point_id") s (medians of $runs)"
    i=0
    while [ "$i" -lt "$runs" ]; do
        run "$label" "$dir" "quickstart$i" "$dir/conf/quickstart.conf"
        i=$((i + 1))
    done
    echo "goal 2: quickstart wall (median of $runs), and per stage:"
    for stage in total sweep theory aggregate fit report; do
        i=0 values=""
        while [ "$i" -lt "$runs" ]; do
            f="$work/$label-quickstart$i"
            if [ "$stage" = total ]; then
                values="$values $(awk '{ print $2 - $1 }' "$f.time")"
            else
                values="$values $(jq -r ".stage_seconds.$stage // empty" "$f.d/_campaign/manifest.json")"
            fi
            i=$((i + 1))
        done
        printf '  %-10s %7.1f s  (%s )\n' "$stage" "$(echo "$values" | tr ' ' '\n' | grep . | median)" "$values"
    done
    echo "goal 4: ETA (quickstart run 1$( [ "$long" = 1 ] && echo ', mlp-tanh-fss'))"
    eta "$label" quickstart0
    run "$label" "$dir" tiny "$dir/conf/quickstart.conf" --set 'grid.sigma_w=[1.4]' --set 'grid.width=[8]' \
        --set grid.depth=8 --set grid.replicas=1 --set analysis.bootstrap=0
    run "$label" "$dir" cnn2d-pair "$dir/conf/cnn2d-pair.conf" --set analysis.bootstrap=0
    if [ "$long" = 1 ]; then
        run "$label" "$dir" mlp-tanh-fss "$dir/conf/mlp-tanh-fss.conf" --set analysis.bootstrap=0
        eta "$label" mlp-tanh-fss
    fi
    echo "goal 5: cost model against the measured sweep (ratio: estimate / measured core-seconds, wall x cores)"
    printf '  %-12s %12s %12s %10s %5s %12s %12s %8s\n' campaign est_core_s est_wall_s wall_s cores measured_cs \
        kernel_cs ratio
    cost "$label" tiny
    cost "$label" quickstart0
    cost "$label" cnn2d-pair
    [ "$long" = 0 ] || cost "$label" mlp-tanh-fss
done
[ "$keep" = 0 ] || echo "campaigns kept in $work"
