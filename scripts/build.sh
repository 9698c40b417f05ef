#!/usr/bin/env bash
# Set up a virtual environment (once) and build the site into _build/site.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/venv.sh site
sphinx-build -W --keep-going -b dirhtml . _build/site "$@"
echo "The site is in _build/site/ (open _build/site/index.html)."
