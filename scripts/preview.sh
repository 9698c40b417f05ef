#!/usr/bin/env bash
# Serve the site on http://127.0.0.1:8000 and rebuild it on every save.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/venv.sh preview
sphinx-autobuild -b dirhtml . _build/preview --ignore "$PWD/.venv" --ignore "$PWD/_build" --ignore "$PWD/tests" --watch _ext "$@"
