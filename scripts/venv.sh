# shellcheck shell=bash
# Sourced by the scripts: create .venv if needed and install a dependency group of pyproject.toml.
# Usage: source scripts/venv.sh GROUP
group="$1"
if [ ! -x .venv/bin/python ]; then
    python3 -m venv .venv
fi
.venv/bin/python -m pip install --quiet --disable-pip-version-check --upgrade "pip>=25.1"
.venv/bin/python -m pip install --quiet --disable-pip-version-check --group "$group"
source .venv/bin/activate
