#!/usr/bin/env bash
# Set up and run the whole test suite (unit, AppTest and real-browser tests) offline.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --test
exec .venv/bin/python -m pytest -q "$@"
