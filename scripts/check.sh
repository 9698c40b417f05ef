#!/usr/bin/env bash
# Check the data files (events/, people/) without building the site; see scripts/check.py.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -x .venv/bin/python ]; then
    source scripts/venv.sh site
fi
exec .venv/bin/python scripts/check.py "$@"
