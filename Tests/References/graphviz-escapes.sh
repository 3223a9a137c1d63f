#!/usr/bin/env bash
# Regenerates the table of graphviz.md §4: how Graphviz shows backslashes in labels and
# tooltips. Needs gcc and libgraphviz-dev (scripts/setup.sh installs the latter).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
gcc "$here/graphviz-escapes.c" -o "$work/render" $(pkg-config --cflags --libs libgvc)
# One node per case; its name is "a" … "d"; the same text as label and as tooltip.
cat >"$work/cases.dot" <<'DOT'
graph G {
  a [label="\N", tooltip="\N"];
  b [label="\\N", tooltip="\\N"];
  c [label="\\\\N", tooltip="\\\\N"];
  d [label="\\\\", tooltip="\\\\"];
}
DOT
"$work/render" "$work/cases.dot" >"$work/out.svg"
echo "node | label shows | tooltip shows"
for node in a b c d; do
  block=$(awk -v id="<title>$node</title>" 'index($0, id) {on=1} on {print} on && /<\/g>/ {exit}' "$work/out.svg")
  label=$(printf '%s\n' "$block" | sed -n 's/.*<text[^>]*>\(.*\)<\/text>.*/\1/p' | head -1)
  tooltip=$(printf '%s\n' "$block" | sed -n 's/.*xlink:title="\([^"]*\)".*/\1/p' | head -1)
  echo "$node | $label | $tooltip"
done
