#!/usr/bin/env bash
# Coverage-guided fuzzing of SiloScope's readers with libFuzzer (Tests/Fuzz, README there).
#
#   scripts/fuzz.sh [SECONDS]     build the fuzzer with -sanitize=fuzzer,address and run it for
#                                 SECONDS (default 600) on a seed corpus made from Datasets/ and
#                                 hostile cases; a crash stops it and leaves crash-* in .build-fuzz/
#
# The corpus grows in .build-fuzz/corpus (git-ignored) and is reused by the next run.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-600}
build=.build-fuzz
corpus=$build/corpus
seeds=$build/seeds
(cd Tests/Fuzz && swift build --scratch-path "../../$build" -c release -Xswiftc -sanitize=fuzzer,address -Xswiftc -g)
mkdir -p "$corpus" "$seeds"

# seed SELECTOR NAME: standard input, prefixed with the byte that picks the reader
# (0 CSV log, 1 JSON Lines, 2 edge list, 3 GraphML, 4 people file, 5 edges NUL nodes).
seed() { { printf "\\x$(printf %02x "$1")"; cat; } >"$seeds/$2"; }
head -c 4000 Datasets/opentelemetry_swift_commits/log.csv | seed 0 otel
head -c 4000 Datasets/davis_southern_women/log.csv | seed 0 davis
printf 'person,department,project,hours\nZo\xc3\xab,D1,X,1e308\nZoe\xcc\x88,D1,X,1e-320\nBob,D2,X,2\n' | seed 0 forms
printf '\xef\xbb\xbfmedewerker;afdeling;zaak;uren;datum\r\n"de Vries, Ana";Financi\xc3\xabn;"Plan ""N""";7,5;01-03-2025\r\nBob;ICT;P2;1.234,5;2025-03-02\r\n' | seed 0 dutch
printf '\xff\xfep\x00e\x00r\x00s\x00o\x00n\x00,\x00p\x00r\x00o\x00j\x00e\x00c\x00t\x00\n\x00A\x00,\x00X\x00\n\x00' | seed 0 utf16
printf 'person,project\n"unterminated,X\n\xe2\x80\x8b,\xef\xbb\xbf\nA\x1b[2J,X\n' | seed 0 hostile
printf '{"person":"Ana","department":"D1","project":"P1","hours":7.5,"date":"2025-03-01"}\n{"person":"Zoe\xcc\x88","project":"P1","hours":"7,5"}\n{"person":"Bob","project":"P1","hours":true}\nnot json\n' | seed 1 jsonl
head -c 3000 Datasets/lazega_lawfirm/edges.csv | seed 2 lazega
printf 'source,target,weight,relation\na,b,1e308,advice\nb,c,2,cowork\nc,a,0,advice\n' | seed 2 edges
printf '<?xml version="1.0"?><graphml xmlns="http://graphml.graphdrawing.org/xmlns"><key id="d" for="node" attr.name="department" attr.type="string"/><key id="w" for="edge" attr.name="weight" attr.type="double"/><graph edgedefault="undirected"><node id="a"><data key="d"><![CDATA[R&D]]></data></node><node id="b"><data key="d">Y</data></node><edge source="a" target="b"><data key="w">2.5</data></edge></graph></graphml>' | seed 3 graphml
printf '<?xml version="1.0"?><!DOCTYPE g [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;">]><graphml><graph><node id="&b;"/></graph><graph edgedefault="directed"/></graphml>' | seed 3 entities
head -c 3000 Datasets/opentelemetry_swift_commits/persons.csv | seed 4 persons
printf 'id;afdeling;functie;leidinggevende\nZo\xc3\xab;Bestuur;Burgemeester;\nZoe\xcc\x88;X;Y;Zo\xc3\xab\n' | seed 4 people
{ head -c 2000 Datasets/padgett_florentine/edges.csv; printf '\x00'; head -c 2000 Datasets/padgett_florentine/nodes.csv; } | seed 5 padgett

LSAN_OPTIONS="suppressions=$PWD/Tests/Fuzz/lsan.supp:print_suppressions=0" \
  "$build/release/ReaderFuzzer" "$corpus" "$seeds" -max_total_time="$seconds" -max_len=8192 -timeout=20 \
  -rss_limit_mb=4096 -print_final_stats=1 -artifact_prefix="$build/"
echo "fuzz: corpus $(ls "$corpus" | wc -l | tr -d ' ') inputs in $corpus" >&2
