#!/usr/bin/env bash
# Set up and open the dashboard on the bundled data (the store is built on first start).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
exec .venv/bin/streamlit run dashboard/app.py "$@"
