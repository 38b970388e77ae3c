#!/bin/sh
# Installs what the notebooks in notebooks/ need, with the project's own Java kernel for them:
#   - Jupyter from the distribution's packages (nbconvert and the notebook client), unless `jupyter nbconvert` works
#     already; with --server also the browser interface (`jupyter notebook`);
#   - target/critsweep.jar and target/classpath.txt (bin/critsweep builds them when missing or stale);
#   - target/jupyter/kernels/critsweep-java/kernel.json: the kernel (org.critsweep.notebook.NotebookKernel) on every
#     jar of that class path, each listed (the kernel hands them to JShell, which expands no wildcards), started with
#     Spark's JVM flags (the argument file conf/spark-jvm-flags, which bin/critsweep and the tests use too).
# Idempotent: run it again after a change of the sources or the dependencies. Jupyter finds the kernel through
# JUPYTER_PATH=target/jupyter, as the message at the end says.
usage="usage: jobs/install-jupyter.sh [--server]"
set -eu

root=$(cd "$(dirname "$0")/.." && pwd)
server=false
case "${1:-}" in
    '') ;;
    --server) server=true ;;
    *) echo "$usage" >&2; exit 2 ;;
esac

# Debian package names; apt-get update first, as on a fresh machine its package lists are empty.
install_packages() {
    sudo=""
    [ "$(id -u)" -eq 0 ] || sudo=sudo
    echo "install-jupyter: installing $* from the distribution's packages ..." >&2
    $sudo apt-get update -q >&2
    $sudo apt-get install -y -q --no-install-recommends "$@" >&2
}

if ! jupyter nbconvert --version >/dev/null 2>&1; then
    install_packages jupyter-nbconvert python3-nbconvert python3-ipykernel jupyter-client python3-nbclient
fi
if $server && ! jupyter notebook --version >/dev/null 2>&1; then
    install_packages jupyter-notebook
fi

"$root/bin/critsweep" --version >/dev/null

java=$(command -v java) || { echo "install-jupyter: no java on PATH" >&2; exit 1; }

kernel_dir="$root/target/jupyter/kernels/critsweep-java"
mkdir -p "$kernel_dir"
# CRITSWEEP_JAVA_OPTS as for bin/critsweep: it replaces the default heap limit.
python3 - "$kernel_dir/kernel.json" "$root" "$java" \
    "${CRITSWEEP_JAVA_OPTS:--Xmx8g} @$root/conf/spark-jvm-flags" <<'PYTHON'
import json, sys

path, root, java, options = sys.argv[1:]
with open(root + "/target/classpath.txt") as f:
    jars = [root + "/target/critsweep.jar"] + [jar for jar in f.read().strip().split(":") if jar]
argv = [java, *options.split(), "-Djava.awt.headless=true",
        "-Dlog4j2.configurationFile=" + root + "/conf/log4j2.properties", "-Dcritsweep.root=" + root,
        "-cp", ":".join(jars), "org.critsweep.notebook.NotebookKernel", "{connection_file}"]
spec = {"argv": argv, "display_name": "Java (critsweep)", "language": "java", "interrupt_mode": "message",
        "env": {"SPARK_LOCAL_IP": "127.0.0.1"}}
with open(path, "w") as f:
    json.dump(spec, f, indent=1)
    f.write("\n")
PYTHON

as_root=""
[ "$(id -u)" -ne 0 ] || as_root=" --allow-root"
echo "Installed the kernel critsweep-java: $kernel_dir/kernel.json"
echo "Notebooks read the campaigns in CRITSWEEP_CAMPAIGNS (directories separated by ':'; default runs/quickstart)."
if jupyter notebook --version >/dev/null 2>&1; then
    echo "Start Jupyter:  JUPYTER_PATH=$root/target/jupyter jupyter notebook$as_root $root/notebooks"
else
    echo "For the browser interface run jobs/install-jupyter.sh --server, then:"
    echo "                JUPYTER_PATH=$root/target/jupyter jupyter notebook$as_root $root/notebooks"
fi
echo "Run a notebook headless:"
echo "  JUPYTER_PATH=$root/target/jupyter jupyter nbconvert --to notebook --execute --output-dir $root/target/notebooks \\"
echo "      $root/notebooks/01-explore-a-campaign.ipynb"
