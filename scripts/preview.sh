#!/usr/bin/env bash
# Serve the site on http://127.0.0.1:8000 and rebuild it on every save.
# A save in _ext/ rebuilds every page: the extension's env_version follows its source
# (_ext/faimi/__init__.py), so Sphinx starts from a fresh environment.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/venv.sh preview
sphinx-autobuild -b dirhtml . _build/preview --ignore "$PWD/.venv" --ignore "$PWD/_build" --ignore "$PWD/tests" \
    --ignore "*/__pycache__/*" --watch _ext "$@"
