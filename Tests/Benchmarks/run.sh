#!/usr/bin/env bash
# SiloScope's benchmarks with their peers, on the same files in one run:
#   ingest   generated project logs (SyntheticOrganization, seed 1) in .peers/logs; peers: pandas,
#            and DuckDB's SQL for the read and projection (1 and 2 threads, in .venv-warehouse)
#   silos    Tests/Benchmarks/peers organizations in .peers/data, and Leiden on the generated
#            100,000-person log's network (CommunityTiming); peers: igraph, networkit
#   brokers  the same organizations; peers: igraph and the plain C Brandes (limit.c),
#            timed by Tests/Benchmarks/peers/peers.py
#   bootstrap  the E-I bootstrap (1,000 replicates) and the projection's affiliations on
#            generated logs of 10,000 and 100,000 people (seed 3); no peer
#   trend    SiloTrend by month on generated year logs of 10,000 and 100,000 people (seed 3),
#            1 and 2 threads, and the seed dependence of each month's communities; no peer
#   topk     the guaranteed top 10 brokers (KADABRA, ε = 0.01, δ = 0.1), read included, on the
#            peers' 10,000- and 100,000-person graphs and a generated 20,000-person log's
#            network (seed 3); peer: networkit's KadabraBetweenness; then the top 10 against
#            exact betweenness over seeded runs (20 at 20,000 people, 100 at 10,000)
#   heap     weighted betweenness with SiloMetrics' indexed heap against swift-collections'
#            Heap with lazy deletion, on the peers' 1,000-person graph; no peer
#   paths    everything on SiloMetrics' shortest-path layer (exact betweenness in hops and 1/w on
#            1 and 2 threads, sampled sources, sampled paths, broker dependence, local bridges)
#            on the peers' 10,000-person organization, best of 3; no peer (compare two commits)
#   workbook siloscope summary on .xlsx workbooks of generated logs (10^5 and 10^6 rows, seed 1)
#            against the same logs as CSV and pandas read_excel (openpyxl) and read_csv
#            (Tests/Benchmarks/peers_workbook.py)
#   warehouse  the log-to-ties step on generated logs of about 10^6 and 10^7 rows (seed 1):
#            siloscope build against the SQL of siloscope sql in DuckDB (1 and 2 threads) and
#            Spark local[2] (Tests/Benchmarks/peers_sql.py, in .venv-warehouse as make test makes it)
#   teams    siloscope teams --teams 5 --size 6 on generated logs of 1,000, 10,000 and 100,000
#            people (seed 1): the whole command (wall, peak memory), and the advisor's search
#            alone (Tests/Benchmarks/Benchmarks/TeamTiming); no peer
# Usage: bash Tests/Benchmarks/run.sh [ingest] [silos] [brokers] [bootstrap] [trend] [topk] [heap] [paths] [warehouse] [workbook] [teams]   (default: all)
# Everything generated stays under .peers/ (git-ignored).
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$PWD
suites=("$@")
[ ${#suites[@]} -gt 0 ] || suites=(ingest silos brokers bootstrap trend topk heap paths warehouse workbook teams)
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

# generated_log PEOPLE SEED: the path of SiloScope's generated log of PEOPLE people, written
# into $SILOSCOPE_BENCH_DATA when it is not there yet.
generated_log() {
  local f="$SILOSCOPE_BENCH_DATA/org_p$1_s$2.csv"
  [ -f "$f" ] || .build/release/siloscope generate --people "$1" --seed "$2" --output "$f" >/dev/null
  echo "$f"
}

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
  teams)
    logs=()
    for people in 1000 10000 100000; do logs+=("$(generated_log "$people" 1)"); done
    echo "## siloscope teams --teams 5 --size 6 (whole command: read, scorecard, search, 6 projections and scorecards), one run each"
    for f in "${logs[@]}"; do
      /usr/bin/time -f "%e %U %M" .build/release/siloscope teams "$f" --teams 5 --size 6 --format json 2>"$root/.peers/time.txt" >/dev/null
      awk -v f="$(basename "$f")" '{printf "%s: wall %.2f s, user %.2f s, peak RSS %.0f MB\n", f, $1, $2, $3/1024}' "$root/.peers/time.txt"
    done
    echo
    echo "## the advisor's search alone (Tests/Benchmarks/Benchmarks/TeamTiming), best of 3"
    (cd Tests/Benchmarks && swift run -c release TeamTiming "${logs[@]}" 2>&1 | grep -v "^Build\|^\[\|^Compiling\|^Building")
    echo
    continue
    ;;
  workbook)
    for people in 11000 112000; do
      generated_log "$people" 1 >/dev/null
    done
    "$venv/bin/pip" install -q openpyxl==3.1.5
    # peers_workbook.py writes the workbooks (LOG.xlsx beside LOG.csv) that WorkbookRead reads.
    echo "## reading a workbook: siloscope summary and pandas, one run each"
    (cd "$root/Tests/Benchmarks" && "$venv/bin/python" peers_workbook.py "$root/.build/release/siloscope" \
      "$SILOSCOPE_BENCH_DATA/org_p11000_s1.csv" "$SILOSCOPE_BENCH_DATA/org_p112000_s1.csv")
    echo
    (cd Tests/Benchmarks && swift build -c release --product WorkbookRead 2>&1 | grep -i error || true)
    echo "## the worksheet: XMLParser against SiloIngest's scanner (Tests/Benchmarks/Benchmarks/WorkbookRead)"
    for people in 11000 112000; do
      f="$SILOSCOPE_BENCH_DATA/org_p${people}_s1"
      Tests/Benchmarks/.build/release/WorkbookRead "$f.xlsx" "$f.csv"
    done
    echo
    continue
    ;;
  warehouse)
    for people in 112000 1120000; do
      generated_log "$people" 1 >/dev/null
    done
    for engine in duckdb spark; do
      "$root/.venv-warehouse/bin/pip" install -q -r "$root/Tests/Warehouse/requirements-$engine.txt" 2>/dev/null ||
        { python3 -m venv "$root/.venv-warehouse" && "$root/.venv-warehouse/bin/pip" install -q -r "$root/Tests/Warehouse/requirements-$engine.txt"; }
    done
    echo "## the log-to-ties step: siloscope build and the SQL of siloscope sql, one run each"
    "$root/.venv-warehouse/bin/python" "$root/Tests/Benchmarks/peers_sql.py" "$root/.build/release/siloscope" \
      "$SILOSCOPE_BENCH_DATA/org_p112000_s1.csv" "$SILOSCOPE_BENCH_DATA/org_p1120000_s1.csv"
    echo
    continue
    ;;
  heap)
    (cd Tests/Benchmarks && swift run -c release HeapChoice "$SILOSCOPE_PEER_DATA/org_n1000_edges.csv" \
      "$SILOSCOPE_PEER_DATA/org_n1000_nodes.csv" 2>&1 | grep -v "^Build\|^\[\|^Compiling\|^Building")
    echo
    continue
    ;;
  paths)
    echo "## SiloScope (paths), wall clock, best of 3"
    (cd Tests/Benchmarks && swift run -c release PathTiming "$SILOSCOPE_PEER_DATA/org_n10000_edges.csv" \
      "$SILOSCOPE_PEER_DATA/org_n10000_nodes.csv" 2>&1 | grep -v "^Build\|^\[\|^Compiling\|^Building")
    echo
    continue
    ;;
  topk)
    net="$root/.peers/net20k"
    if [ ! -f "$net/edges.csv" ]; then
      .build/release/siloscope build "$(generated_log 20000 3)" --output "$net" >/dev/null
    fi
    (cd Tests/Benchmarks && swift build -c release --product TopBrokers 2>&1 | grep -i error || true)
    top=Tests/Benchmarks/.build/release/TopBrokers
    echo "## top 10 brokers, hops, read included: wall clock, best of 3 (ε = 0.01, δ = 0.1, k = 10)"
    for graph in "$SILOSCOPE_PEER_DATA/org_n10000" "$net/" "$SILOSCOPE_PEER_DATA/org_n100000"; do
      edges="${graph}_edges.csv" nodes="${graph}_nodes.csv"
      [ "$graph" = "$net/" ] && edges="$net/edges.csv" nodes="$net/nodes.csv"
      echo "$(basename "$(dirname "$edges")")/$(basename "$edges")"
      echo "  networkit, 1 thread:  $("$venv/bin/python" "$root/Tests/Benchmarks/peers_kadabra.py" "$edges")"
      echo "  SiloScope, 1 thread:  $("$top" time "$edges" "$nodes" hops 1)"
      echo "  SiloScope, 2 threads: $("$top" time "$edges" "$nodes" hops 2)"
      echo "  SiloScope, 1/weight, 2 threads: $("$top" time "$edges" "$nodes" inverse-weight 2)"
    done
    echo
    echo "## the top 10 against exact betweenness (seeds 1 … runs)"
    "$top" accuracy "$net/edges.csv" "$net/nodes.csv" hops 20
    "$top" accuracy "$net/edges.csv" "$net/nodes.csv" inverse-weight 20 | tail -1
    "$top" accuracy "$SILOSCOPE_PEER_DATA/org_n10000_edges.csv" "$SILOSCOPE_PEER_DATA/org_n10000_nodes.csv" hops 100 | tail -1
    "$top" accuracy "$SILOSCOPE_PEER_DATA/org_n10000_edges.csv" "$SILOSCOPE_PEER_DATA/org_n10000_nodes.csv" inverse-weight 20 | tail -1
    echo
    continue
    ;;
  ingest)
    for people in 10000 112000; do
      generated_log "$people" 1 >/dev/null
    done
    echo "## pandas (peer), best of 3, process CPU seconds"
    "$venv/bin/python" "$root/Tests/Benchmarks/peers_ingest.py" "$SILOSCOPE_BENCH_DATA"/org_p*_s1.csv
    echo
    echo "## read and projection: SiloScope (IngestTiming) and DuckDB's SQL for the same job (peer), best of 5"
    (cd Tests/Benchmarks && swift build -c release --product IngestTiming 2>&1 | grep -i error || true)
    "$root/.venv-warehouse/bin/pip" install -q -r "$root/Tests/Warehouse/requirements-duckdb.txt" 2>/dev/null ||
      { python3 -m venv "$root/.venv-warehouse" && "$root/.venv-warehouse/bin/pip" install -q -r "$root/Tests/Warehouse/requirements-duckdb.txt"; }
    for f in "$SILOSCOPE_BENCH_DATA"/org_p*_s1.csv; do
      Tests/Benchmarks/.build/release/IngestTiming "$f"
      "$root/.venv-warehouse/bin/python" "$root/Tests/Benchmarks/peers_duckdb.py" "$f"
    done
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
    # Leiden on the network of the generated 100,000-person log too: many more, smaller
    # communities than the peers' organization, and ties named as siloscope build writes them.
    net="$root/.peers/net100k"
    [ -f "$net/edges.csv" ] || .build/release/siloscope build "$(generated_log 100000 1)" --output "$net" >/dev/null
    echo
    echo "## Leiden on the generated 100,000-person log's network: SiloScope (CommunityTiming, wall) and its peers (CPU)"
    (cd Tests/Benchmarks && swift build -c release --product CommunityTiming 2>&1 | grep -i error || true)
    Tests/Benchmarks/.build/release/CommunityTiming "$SILOSCOPE_PEER_DATA/org_n100000_edges.csv" "$net/edges.csv"
    "$venv/bin/python" "$root/Tests/Benchmarks/peers_leiden.py" "$net/edges.csv"
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
