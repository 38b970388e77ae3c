#!/bin/sh
# A real Spark standalone cluster on 127.0.0.1 (one master, N workers of 1 core and 1g each), run from the
# project's own Maven-resolved Spark jars: for trying `bin/critsweep run CONF --master spark://...` and for the
# cluster integration test. Its Spark home is target/spark-home (jars/ linked from target/classpath.txt, and
# bin/spark-submit running Spark's own launcher), so jobs/submit.sh works against it with SPARK_HOME=target/spark-home.
usage="usage: jobs/local-cluster.sh start|stop|status [--workers N] [--dir RUNDIR]"
set -eu

root=$(cd "$(dirname "$0")/.." && pwd)
command=${1:-}
[ $# -gt 0 ] && shift
workers=2
dir="$root/target/local-cluster"
while [ $# -gt 0 ]; do
    case "$1" in
        --workers) [ $# -ge 2 ] || { echo "$usage" >&2; exit 2; }; workers=$2; shift 2 ;;
        --dir) [ $# -ge 2 ] || { echo "$usage" >&2; exit 2; }; dir=$2; shift 2 ;;
        *) echo "$usage" >&2; exit 2 ;;
    esac
done
case "$workers" in
    ''|*[!0-9]*|0) echo "local-cluster: --workers expects an integer >= 1, got '$workers'" >&2; exit 2 ;;
esac
spark_home="$root/target/spark-home"
timeout=60

alive() { [ -f "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null; }

# target/spark-home/jars: links to the jars of target/classpath.txt (compile + provided scope, so Spark included);
# conf/log4j2.properties keeps the executors quiet ($SPARK_HOME/conf is first on their classpath).
make_spark_home() {
    classpath_file="$root/target/classpath.txt"
    if [ ! -f "$classpath_file" ]; then
        echo "local-cluster: writing target/classpath.txt (mvn generate-resources) ..." >&2
        (cd "$root" && mvn -B -q generate-resources) >&2 || { echo "local-cluster: mvn failed" >&2; exit 1; }
    fi
    if [ ! -d "$spark_home/jars" ] || [ "$classpath_file" -nt "$spark_home/jars" ]; then
        rm -rf "$spark_home/jars"
        mkdir -p "$spark_home/jars" "$spark_home/conf"
        tr ':' '\n' < "$classpath_file" | while IFS= read -r jar || [ -n "$jar" ]; do
            ln -s "$jar" "$spark_home/jars/"
        done
    fi
    mkdir -p "$spark_home/conf" "$spark_home/bin"
    cp "$root/conf/log4j2.properties" "$spark_home/conf/log4j2.properties"
    cp "$root"/jobs/spark-home/bin/* "$spark_home/bin/"
}

# daemon NAME CLASS ARGS...: starts a Spark daemon in the background (with Spark's JVM options for Java 17+, from
# conf/spark-jvm-flags); its PID goes to NAME.pid, its log to NAME.log.
daemon() {
    name=$1
    shift
    java -Xmx256m @"$root/conf/spark-jvm-flags" -cp "$spark_home/jars/*" "$@" < /dev/null > "$dir/$name.log" 2>&1 &
    echo $! > "$dir/$name.pid"
}

# wait_for WHAT COMMAND...: polls COMMAND once a second until it succeeds or $timeout seconds have passed.
wait_for() {
    what=$1
    shift
    waited=0
    until "$@"; do
        if [ "$waited" -ge "$timeout" ]; then
            echo "local-cluster: timed out after ${timeout} s waiting for $what; logs in $dir" >&2
            tail -n 20 "$dir"/*.log >&2 || true
            stop
            exit 1
        fi
        sleep 1
        waited=$((waited + 1))
    done
}

master_up() { grep -o 'Starting Spark master at spark://[0-9.]*:[0-9]*' "$dir/master.log" > /dev/null 2>&1; }

master_ui='Bound MasterWebUI to [^,]*, and started at http://[^[:space:]]*'
master_ui_up() { grep -o "$master_ui" "$dir/master.log" > /dev/null 2>&1; }

workers_registered() {
    [ "$(cat "$dir"/worker-*.log 2>/dev/null | grep -c 'Successfully registered with master')" -ge "$workers" ]
}

start() {
    for pid_file in "$dir"/*.pid; do
        if alive "$pid_file"; then
            echo "local-cluster: already running under $dir (jobs/local-cluster.sh stop --dir $dir first)" >&2
            exit 1
        fi
    done
    make_spark_home
    rm -rf "$dir"
    mkdir -p "$dir"
    dir=$(cd "$dir" && pwd)
    SPARK_HOME=$spark_home SPARK_SCALA_VERSION=2.13 SPARK_LOCAL_IP=127.0.0.1
    export SPARK_HOME SPARK_SCALA_VERSION SPARK_LOCAL_IP
    # Port 0 everywhere: the master's actual URL is read back from its log, so no port can be taken already.
    daemon master org.apache.spark.deploy.master.Master --host 127.0.0.1 --port 0 --webui-port 0
    wait_for "the master" master_up
    url=$(grep -o 'spark://[0-9.]*:[0-9]*' "$dir/master.log" | head -n 1)
    echo "$url" > "$dir/master-url"
    # The master's web UI (its port is free too): where the workers, applications and executors are shown.
    wait_for "the master's UI" master_ui_up
    grep -o "$master_ui" "$dir/master.log" | head -n 1 | sed 's/.*started at //' > "$dir/master-ui-url"
    echo "local-cluster: master UI $(cat "$dir/master-ui-url")" >&2
    i=1
    while [ "$i" -le "$workers" ]; do
        mkdir -p "$dir/worker-$i"
        daemon "worker-$i" org.apache.spark.deploy.worker.Worker "$url" --host 127.0.0.1 --port 0 \
            --cores 1 --memory 1g --webui-port 0 --work-dir "$dir/worker-$i"
        i=$((i + 1))
    done
    wait_for "$workers worker(s) to register" workers_registered
    echo "$url"
}

# Stops the daemons whose PIDs are under $dir (SIGTERM, then SIGKILL after 20 s); a worker takes its executors along.
stop() {
    for pid_file in "$dir"/*.pid; do
        alive "$pid_file" && kill "$(cat "$pid_file")" 2>/dev/null || true
    done
    for pid_file in "$dir"/*.pid; do
        [ -f "$pid_file" ] || continue
        waited=0
        while alive "$pid_file"; do
            if [ "$waited" -ge 20 ]; then
                kill -9 "$(cat "$pid_file")" 2>/dev/null || true
            fi
            sleep 1
            waited=$((waited + 1))
        done
        rm -f "$pid_file"
    done
    rm -f "$dir/master-url" "$dir/master-ui-url"
}

status() {
    [ -f "$dir/master-url" ] || { echo "local-cluster: not running (no $dir/master-url)" >&2; exit 1; }
    echo "master: $(cat "$dir/master-url")"
    [ -s "$dir/master-ui-url" ] && echo "master UI: $(cat "$dir/master-ui-url")"
    running=0
    for pid_file in "$dir"/*.pid; do
        [ -f "$pid_file" ] || continue
        name=$(basename "$pid_file" .pid)
        if alive "$pid_file"; then
            echo "$name: pid $(cat "$pid_file") alive"
            [ "$name" = master ] && running=1
        else
            echo "$name: pid $(cat "$pid_file") dead"
        fi
    done
    [ "$running" -eq 1 ] || { echo "local-cluster: the master is not running" >&2; exit 1; }
}

case "$command" in
    start) start ;;
    stop) stop ;;
    status) status ;;
    *) echo "$usage" >&2; exit 2 ;;
esac
