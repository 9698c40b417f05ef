#!/usr/bin/env bash
# Set up a virtual environment (once), the Debian packages the tests need (once, only
# where missing: Chromium for the browser tests, Java for the Nu Html Checker), and run
# the test suite. Arguments go to pytest.
# FAIMI_CHROMIUM may name another Chromium binary (GitHub's runners have Chrome).
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
[ -x "${FAIMI_CHROMIUM:-/usr/bin/chromium}" ] || missing+=(chromium)
command -v java >/dev/null || missing+=(default-jre-headless)
if [ "${#missing[@]}" != 0 ]; then
    echo "Installing Debian's ${missing[*]} for the tests..."
    sudo=""
    if [ "$(id -u)" != 0 ]; then
        command -v sudo >/dev/null || { echo "Run as root, or install them (apt-get install ${missing[*]})." >&2; exit 1; }
        sudo="sudo"
    fi
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
fi

source scripts/venv.sh test
status=0
python -m pytest "$@" || status=$?
if [ "$status" = 5 ]; then
    echo "pytest collected no tests: that is a failure here." >&2
    exit 1
fi
exit "$status"
