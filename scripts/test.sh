#!/usr/bin/env bash
# Set up a virtual environment (once) and run the test suite.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/venv.sh test
python -m pytest "$@"
