#!/usr/bin/env bash
# Runs check_sql.py for one engine in the project-local virtual environment .venv-warehouse,
# installing the pinned engine there when it is missing:
#   bash Tests/Warehouse/check.sh duckdb   (make test: DuckDB, in process, about a minute)
#   bash Tests/Warehouse/check.sh spark    (make check-spark: pyspark in local mode, Java 17)
# Uses the debug build of siloscope that `swift build` made.
set -euo pipefail
cd "$(dirname "$0")/../.."
engine="${1:-duckdb}"
venv=.venv-warehouse
requirements=Tests/Warehouse/requirements-$engine.txt
if [ ! -x "$venv/bin/python" ]; then
  if ! command -v python3 >/dev/null 2>&1 || ! python3 -c 'import ensurepip, venv' >/dev/null 2>&1; then
    source scripts/apt-install.sh
    apt_install check "Python 3 with venv" python3 python3-venv
  fi
  python3 -m venv "$venv"
fi
if ! "$venv/bin/pip" install -q --disable-pip-version-check -r "$requirements"; then
  echo "check: cannot install $(tr '\n' ' ' < "$requirements")into $venv (is PyPI reachable?)" >&2
  exit 69
fi
exec "$venv/bin/python" Tests/Warehouse/check_sql.py --siloscope .build/debug/siloscope --engine "$engine" "${@:2}"
