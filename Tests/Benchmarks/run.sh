#!/usr/bin/env bash
# SiloScope's benchmarks with their peers, on the same files in one run:
#   ingest   generated project logs (SyntheticOrganization, seed 1) in .peers/logs; peer: pandas
#   silos    Tests/Benchmarks/peers organizations in .peers/data; peers: igraph, networkit
#   brokers  the same organizations; peers: igraph and the plain C Brandes (limit.c),
#            timed by Tests/Benchmarks/peers/peers.py
#   bootstrap  the E-I bootstrap (1,000 replicates) and the projection's affiliations on
#            generated logs of 10,000 and 100,000 people (seed 3); no peer
#   trend    SiloTrend by month on generated year logs of 10,000 and 100,000 people (seed 3),
#            1 and 2 threads, and the seed dependence of each month's communities; no peer
# Usage: bash Tests/Benchmarks/run.sh [ingest] [silos] [brokers] [bootstrap] [trend]   (default: all)
# Everything generated stays under .peers/ (git-ignored).
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$PWD
suites=("$@")
[ ${#suites[@]} -gt 0 ] || suites=(ingest silos brokers bootstrap trend)
export SILOSCOPE_BENCH_DATA="$root/.peers/logs" SILOSCOPE_PEER_DATA="$root/.peers/data"
export OMP_NUM_THREADS=1
mkdir -p "$SILOSCOPE_BENCH_DATA"
swift build -c release --product siloscope >/dev/null

venv="$root/.peers/.venv"
if [ ! -x "$venv/bin/python" ]; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q --upgrade pip
  "$venv/bin/pip" install -q -r /dev/stdin <<'REQ'
igraph==1.0.0
networkit==11.3
networkx==3.6.1
pandas==3.1.1
pyarrow
REQ
fi
[ -f "$SILOSCOPE_PEER_DATA/org_n100000_edges.csv" ] || PEERS_WORK="$root/.peers" "$venv/bin/python" "$root/Tests/Benchmarks/peers/peers.py" gen >/dev/null

for suite in "${suites[@]}"; do
  case "$suite" in
  bootstrap)
    echo "## SiloScope (bootstrap), wall clock, best of 3 (per pair: 1 run)"
    (cd Tests/Benchmarks && swift run -c release BootstrapTiming 10000 100000 2>&1 | grep -v "^Build\|^\[\|^Compiling\|^Building")
    echo
    continue
    ;;
  trend)
    echo "## SiloScope (trend), wall clock, one run each"
    (cd Tests/Benchmarks && swift run -c release TrendTiming 10000 100000 2>&1 | grep -v "^Build\|^\[\|^Compiling\|^Building")
    echo
    continue
    ;;
  ingest)
    for people in 10000 112000; do
      f="$SILOSCOPE_BENCH_DATA/org_p${people}_s1.csv"
      [ -f "$f" ] || .build/release/siloscope generate --people "$people" --seed 1 --output "$f" >/dev/null
    done
    echo "## pandas (peer), best of 3, process CPU seconds"
    "$venv/bin/python" "$root/Tests/Benchmarks/peers_ingest.py" "$SILOSCOPE_BENCH_DATA"/org_p*_s1.csv
    echo
    echo "## siloscope summary (whole command: read, project, components, departments, print)"
    for f in "$SILOSCOPE_BENCH_DATA"/org_p*_s1.csv; do
      : > "$root/.peers/time.txt"
      for i in 1 2 3; do
        /usr/bin/time -f "%e %U %M" .build/release/siloscope summary "$f" 2>>"$root/.peers/time.txt" >/dev/null
      done
      awk -v f="$(basename "$f")" 'BEGIN{best=1e9} {if ($1<best) {best=$1; cpu=$2; rss=$3}} END {printf "%s: wall %.2f s, user %.2f s, peak RSS %.0f MB\n", f, best, cpu, rss/1024}' "$root/.peers/time.txt"
    done
    ;;
  silos)
    echo "## igraph and networkit (peers), best of 3, process CPU seconds, one thread"
    "$venv/bin/python" "$root/Tests/Benchmarks/peers_silos.py" "$SILOSCOPE_PEER_DATA" 10000 100000
    ;;
  brokers)
    echo "## igraph and the C reference (peers), Tests/Benchmarks/peers/peers.py"
    PEERS_WORK="$root/.peers" "$venv/bin/python" "$root/Tests/Benchmarks/peers/peers.py" run --sizes 1000,10000 --libs igraph,cref | tail -40
    "$venv/bin/python" "$root/Tests/Benchmarks/peers_brokers.py" "$SILOSCOPE_PEER_DATA" 100000
    echo
    echo "## SiloScope (brokers), step by step, 100,000 people, wall clock, one run each"
    (cd Tests/Benchmarks && swift run -c release BrokerSteps "$SILOSCOPE_PEER_DATA/org_n100000_edges.csv" \
      "$SILOSCOPE_PEER_DATA/org_n100000_nodes.csv" 2>&1 | grep -v "^Build\|^\[\|^Compiling\|^Building")
    ;;
  esac
  echo
  echo "## SiloScope ($suite), ordo-one benchmark"
  target="$(tr '[:lower:]' '[:upper:]' <<< "${suite:0:1}")${suite:1}"
  (cd Tests/Benchmarks && swift package --allow-writing-to-package-directory benchmark --target "$target" --format markdown --no-progress 2>&1 | grep -v "^Build\|^\[\|^Compiling\|^Building")
  echo
done
