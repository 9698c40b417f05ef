#!/usr/bin/env bash
# Start a new event: asks for its name, kind, date, time zone and place (or takes them
# as options; --help lists them) and writes events/NAME.yaml and events/NAME.md.
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck disable=SC1091  # venv.sh is checked on its own
source scripts/venv.sh site >/dev/null
python scripts/new_event.py "$@"
