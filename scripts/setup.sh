#!/usr/bin/env bash
# Set up everything the product needs on a fresh Debian/Ubuntu machine with Python 3.11+:
# Debian packages (python3-venv, chromium for chart export and browser tests), the .venv at the
# repository root, and the Python dependencies. Safe to run again: it only does what is missing.
#   scripts/setup.sh          runtime dependencies
#   scripts/setup.sh --test   runtime + test dependencies
set -euo pipefail
cd "$(dirname "$0")/.."
want_test=0
[ "${1:-}" = "--test" ] && want_test=1

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

python=${PYTHON:-python3}
if ! "$python" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else 1)' 2>/dev/null; then
  echo "setup: Python 3.11 or newer is needed as '$python' (set PYTHON=/path/to/python3.11)" >&2
  exit 1
fi

missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
"$python" -m venv --help >/dev/null 2>&1 && "$python" -c 'import ensurepip' 2>/dev/null || missing+=(python3-venv)
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing Debian packages: ${missing[*]}" >&2
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "${missing[@]}" >/dev/null
fi

if [ ! -x .venv/bin/python ]; then
  echo "setup: creating .venv" >&2
  "$python" -m venv .venv
fi

req=requirements.txt
[ $want_test = 1 ] && req=requirements-test.txt
stamp=.venv/.installed-$(cat requirements.txt requirements-test.txt | sha1sum | cut -c1-12)-$want_test
if [ ! -f "$stamp" ]; then
  echo "setup: installing Python packages from $req" >&2
  .venv/bin/python -m pip install -q --upgrade pip >&2
  .venv/bin/python -m pip install -q -r "$req" >&2
  touch "$stamp"
fi
