#!/usr/bin/env bash
# Time and measure builds of the site; arguments go to scripts/benchmark.py (--events N, --repeat N).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/venv.sh benchmark
python scripts/benchmark.py "$@"
