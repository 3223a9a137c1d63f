#!/usr/bin/env bash
# Installs what SiloScope needs beyond Swift, when it is missing: Graphviz's C library and
# headers (Debian's libgraphviz-dev), zlib's headers (zlib1g-dev, for ZIPFoundation, which
# inflates gzip-compressed inputs), pkg-config, and the diagrams' font, DejaVu Sans
# (fonts-dejavu-core, with fontconfig to find it: Graphviz measures text with it, so every
# machine draws the same). Safe to run again; does nothing when all is there.
set -euo pipefail

need=()
command -v pkg-config >/dev/null 2>&1 || need+=(pkg-config)
if ! pkg-config --exists libgvc 2>/dev/null; then need+=(libgraphviz-dev); fi
if ! pkg-config --exists zlib 2>/dev/null; then need+=(zlib1g-dev); fi
command -v fc-list >/dev/null 2>&1 || need+=(fontconfig)
if ! fc-list "DejaVu Sans" 2>/dev/null | grep -q .; then need+=(fonts-dejavu-core); fi
if [ ${#need[@]} -eq 0 ]; then exit 0; fi

source "$(dirname "$0")/apt-install.sh"
apt_install setup "${need[*]} (Graphviz and zlib development files, the DejaVu Sans font)" "${need[@]}"
