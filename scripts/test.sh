#!/usr/bin/env bash
# Set up a virtual environment (once), the Debian packages the tests need (once, only
# where missing: Chromium for the browser tests, Java for the Nu Html Checker, Node.js
# and npm for Lighthouse), Lighthouse itself (tests/lighthouse, when its lock file
# changes), and run the test suite. Arguments go to pytest.
# The browser: FAIMI_CHROMIUM if set; else Debian's /usr/bin/chromium (installed where
# missing); on Ubuntu, whose "chromium" package only installs a snap, Google Chrome.
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
if [ -n "${FAIMI_CHROMIUM:-}" ]; then
    [ -x "$FAIMI_CHROMIUM" ] || { echo "FAIMI_CHROMIUM is $FAIMI_CHROMIUM, which is not a program." >&2; exit 1; }
elif grep -qsE '^(ID|ID_LIKE)=.*ubuntu' /etc/os-release; then
    for chrome in /usr/bin/google-chrome /usr/bin/google-chrome-stable; do
        [ -x "$chrome" ] && export FAIMI_CHROMIUM="$chrome" && break
    done
    if [ -z "${FAIMI_CHROMIUM:-}" ]; then
        cat >&2 <<'HELP'
The browser tests need Chromium or Chrome. Ubuntu's "chromium" package only installs
a snap, which the tests cannot drive. Download Google Chrome's .deb package (from
google.com/chrome), install it and run the tests again:
    sudo apt-get install ./google-chrome-stable_current_amd64.deb
    bash scripts/test.sh
or name another Chromium or Chrome binary: FAIMI_CHROMIUM=/path/to/chrome bash scripts/test.sh
HELP
        exit 1
    fi
else
    export FAIMI_CHROMIUM=/usr/bin/chromium
    [ -x "$FAIMI_CHROMIUM" ] || missing+=(chromium)
fi
command -v java >/dev/null || missing+=(default-jre-headless)
command -v npm >/dev/null || missing+=(nodejs npm)
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

# A German locale, to show that the pages do not depend on the machine's locale
# (tests/test_hardening_locale.py): generated once, from Debian's locales package.
if ! locale -a 2>/dev/null | grep -qi '^de_DE\.utf-\?8$'; then
    echo "Generating the de_DE.UTF-8 locale for the tests..."
    sudo=""
    [ "$(id -u)" = 0 ] || sudo="sudo"
    if ! command -v localedef >/dev/null || [ ! -d /usr/share/i18n/locales ]; then
        $sudo apt-get update -qq
        DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq locales >/dev/null
    fi
    $sudo localedef -i de_DE -f UTF-8 de_DE.UTF-8
fi

# Lighthouse, exactly as locked; it drives the Chromium above (no browser download, no
# install scripts). npm ci writes node_modules/.package-lock.json: reinstall when the
# lock file is newer, or missing.
lighthouse=tests/lighthouse
if [ "$lighthouse/package-lock.json" -nt "$lighthouse/node_modules/.package-lock.json" ]; then
    echo "Installing Lighthouse ($lighthouse/package-lock.json) for the tests..."
    npm ci --prefix "$lighthouse" --ignore-scripts --no-audit --no-fund --no-update-notifier --loglevel=error >/dev/null
fi

# shellcheck disable=SC1091  # venv.sh is checked on its own (or: shellcheck -x)
source scripts/venv.sh test
status=0
python -m pytest "$@" || status=$?
if [ "$status" = 5 ]; then
    echo "pytest collected no tests: that is a failure here." >&2
    exit 1
fi
exit "$status"
