#!/usr/bin/env bash
# Regenerate the JSON Schemas in schemas/ from the extension's data models.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/venv.sh site
PYTHONPATH=_ext python -m faimi.schema schemas
