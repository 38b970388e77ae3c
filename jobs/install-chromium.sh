#!/bin/sh
# Installs a headless Chromium from the distribution's packages, for looking at the HTML report the way a user's
# browser does (ReportBrowserIT). Idempotent: does nothing when chromium-headless-shell or chromium is already on
# PATH. Prints the browser's path on stdout (apt's output goes to stderr), so callers can take it with $(...).
# Render as root with: --no-sandbox --headless --disable-gpu --disable-quic --no-first-run
#   --disable-background-networking --disable-component-update --disable-sync --user-data-dir=<a new temp dir>
set -eu

found() {
    for name in chromium-headless-shell chromium; do
        if command -v "$name" >/dev/null 2>&1; then
            command -v "$name"
            return 0
        fi
    done
    return 1
}

if found; then
    exit 0
fi

if [ "$(id -u)" -eq 0 ]; then
    as_root=""
elif command -v sudo >/dev/null 2>&1; then
    as_root="sudo"
else
    echo "install-chromium: installing packages needs root (or sudo), and neither is available" >&2
    exit 1
fi

export DEBIAN_FRONTEND=noninteractive
echo "install-chromium: apt-get update ..." >&2
$as_root apt-get update >&2
echo "install-chromium: apt-get install chromium-headless-shell ..." >&2
$as_root apt-get install -y --no-install-recommends chromium-headless-shell >&2 \
    || { echo "install-chromium: falling back to the chromium package" >&2;
         $as_root apt-get install -y --no-install-recommends chromium >&2; }

found || { echo "install-chromium: installed, but no chromium-headless-shell or chromium on PATH" >&2; exit 1; }
