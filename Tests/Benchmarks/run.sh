#!/usr/bin/env bash
# The ingest benchmark of the foundation issue, with its peer, on the same files in one run:
#   1. generates the logs (SyntheticOrganization, seed 1) into .peers/logs,
#   2. times pandas.read_csv on those files (the peer named in the issue),
#   3. runs the ordo-one benchmark suite (read, read + project, project only),
#   4. times the whole `siloscope summary` command with /usr/bin/time (wall time, peak RSS).
# Everything generated stays under .peers/ (git-ignored).
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$PWD
export SILOSCOPE_BENCH_DATA="$root/.peers/logs"
mkdir -p "$SILOSCOPE_BENCH_DATA"
swift build -c release --product siloscope >/dev/null
for people in 10000 112000; do
  f="$SILOSCOPE_BENCH_DATA/org_p${people}_s1.csv"
  [ -f "$f" ] || .build/release/siloscope generate --people "$people" --seed 1 --output "$f" >/dev/null
done

venv="$root/.peers/.venv-ingest"
if [ ! -x "$venv/bin/python" ]; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q pandas pyarrow networkx
fi
echo "## pandas (peer), best of 3, process CPU seconds"
"$venv/bin/python" "$root/Tests/Benchmarks/peers_ingest.py" "$SILOSCOPE_BENCH_DATA"/org_p*_s1.csv

echo
echo "## siloscope summary (whole command: read, project, components, departments, print)"
for f in "$SILOSCOPE_BENCH_DATA"/org_p*_s1.csv; do
  for i in 1 2 3; do
    /usr/bin/time -f "%e %U %M" .build/release/siloscope summary "$f" 2>>"$root/.peers/time.txt" >/dev/null
  done
  awk -v f="$(basename "$f")" 'BEGIN{best=1e9} {if ($1<best) {best=$1; cpu=$2; rss=$3}} END {printf "%s: wall %.2f s, user %.2f s, peak RSS %.0f MB\n", f, best, cpu, rss/1024}' <(tail -3 "$root/.peers/time.txt")
done

echo
echo "## ordo-one benchmark suite (Tests/Benchmarks)"
cd Tests/Benchmarks
swift package --allow-writing-to-package-directory benchmark --target Ingest --format markdown --no-progress 2>&1 | grep -v "^Build\|^\[" 
