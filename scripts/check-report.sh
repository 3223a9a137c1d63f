#!/usr/bin/env bash
# Opens a report in a real browser (Debian's headless Chromium) and takes screenshots, so
# that a person can look at it: make check-report [REPORT=Renders/demo/report.html]
# Writes into .build/check-report/: report-screen.png (the top, as on a laptop screen),
# report-full.png (the whole page) and report-print.pdf (what printing gives). The report
# folder itself is left as SiloScope wrote it.
set -euo pipefail
cd "$(dirname "$0")/.."
report=${1:-Renders/demo/report.html}
if [ ! -f "$report" ]; then
  echo "check-report: $report does not exist; run make demo first" >&2
  exit 66
fi
browser=""
for candidate in chromium chromium-browser google-chrome; do
  if command -v "$candidate" >/dev/null 2>&1; then browser=$candidate; break; fi
done
if [ -z "$browser" ]; then
  source scripts/apt-install.sh
  apt_install check-report "Chromium (headless)" chromium
  browser=chromium
fi
page="file://$(cd "$(dirname "$report")" && pwd)/$(basename "$report")"
folder=.build/check-report
mkdir -p "$folder"
flags=(--headless --no-sandbox --disable-gpu --hide-scrollbars --no-first-run --disable-extensions
  --disable-background-networking --user-data-dir="$(mktemp -d)")
# The page must not fetch anything: any network request would fail in this mode.
"$browser" "${flags[@]}" --window-size=1280,900 --screenshot="$folder/report-screen.png" "$page" 2>/dev/null
"$browser" "${flags[@]}" --window-size=1280,6000 --screenshot="$folder/report-full.png" "$page" 2>/dev/null
"$browser" "${flags[@]}" --print-to-pdf="$folder/report-print.pdf" --no-pdf-header-footer "$page" 2>/dev/null
for file in report-screen.png report-full.png report-print.pdf; do
  if [ ! -s "$folder/$file" ]; then echo "check-report: $browser wrote no $file" >&2; exit 70; fi
done
echo "check-report: look at $folder/report-screen.png, report-full.png and report-print.pdf" >&2
