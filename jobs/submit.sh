#!/usr/bin/env bash
# Runs a campaign on a Spark installation through spark-submit: `critsweep run CONF` with the shaded cluster jar as
# the application, conf/spark-defaults.conf as the default properties, and one master for spark-submit and critsweep.
# Options after CONF go to spark-submit; options after `--` go to `critsweep run` (e.g. --set grid.replicas=32).
usage="usage: jobs/submit.sh CONF [--master URL] [spark-submit options...] [-- run options...]"
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
defaults="$root/conf/spark-defaults.conf"
# fail CODE MESSAGE: exit 2 for bad arguments, 1 for a missing installation or build.
fail() { echo "submit: $2" >&2; exit "$1"; }
[[ $# -ge 1 && $1 != -* ]] || fail 2 "$usage"
conf=$1
shift

master=""
submit_options=()
while [[ $# -gt 0 ]]; do
    case "$1" in
        --master) [[ $# -ge 2 ]] || fail 2 "$usage"; master=$2; shift 2 ;;
        --master=*) master=${1#--master=}; shift ;;
        --) shift; break ;;
        *) submit_options+=("$1"); shift ;;
    esac
done
run_options=("$@")

[[ -f $conf ]] || fail 2 "no campaign file $conf"
if [[ -z $master ]]; then
    master=$(sed -n 's/^[[:space:]]*spark\.master[[:space:]=]\{1,\}\([^[:space:]]*\).*/\1/p' "$defaults" | tail -n 1)
fi
[[ -n $master ]] || fail 2 "no master: pass --master URL or set spark.master in $defaults"
[[ -n ${SPARK_HOME:-} ]] || fail 1 "SPARK_HOME is not set; point it at a Spark 4.0 (Scala 2.13) installation"
spark_submit="$SPARK_HOME/bin/spark-submit"
[[ -x $spark_submit ]] || fail 1 "$spark_submit is missing; SPARK_HOME=$SPARK_HOME is not a Spark installation"
jars=("$root"/target/critsweep-*-cluster.jar)
[[ -f ${jars[0]} ]] || fail 1 "the cluster jar target/critsweep-*-cluster.jar is not built; run: mvn -DskipTests package"

exec "$spark_submit" --master "$master" --properties-file "$defaults" ${submit_options[@]+"${submit_options[@]}"} \
    --class org.critsweep.cli.Main "${jars[0]}" run "$conf" --master "$master" ${run_options[@]+"${run_options[@]}"}
