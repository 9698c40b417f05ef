#!/usr/bin/env bash
# Set up a virtual environment (once), Debian's Chromium for the browser tests (once),
# and run the test suite. Arguments go to pytest.
# FAIMI_CHROMIUM may name another Chromium binary (GitHub's runners have Chrome).
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -x "${FAIMI_CHROMIUM:-/usr/bin/chromium}" ]; then
    echo "Installing Debian's Chromium for the browser tests..."
    sudo=""
    if [ "$(id -u)" != 0 ]; then
        command -v sudo >/dev/null || { echo "Run as root, or install chromium (apt-get install chromium)." >&2; exit 1; }
        sudo="sudo"
    fi
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium >/dev/null
fi

source scripts/venv.sh test
status=0
python -m pytest "$@" || status=$?
if [ "$status" = 5 ]; then
    echo "pytest collected no tests: that is a failure here." >&2
    exit 1
fi
exit "$status"
