#!/usr/bin/env bash
# Leak check of SiloScope's Graphviz wrapper over many render cycles (see Tests/Benchmarks/LEAKS.md).
#
# Builds Tests/Benchmarks' RenderCycles program (release, with DWARF 4 debug info) and runs it under
# valgrind's memcheck: 10 and 100 cycles for every configuration (to get the growth per cycle),
# and --cycles (default 1000) for fdp/svg. Every 'definitely lost' and 'indirectly lost' record
# is then put in one of these classes:
#
#   SiloScope's allocation   the memory was requested by SiloScope's code (a Silo*/RenderCycles
#                            frame, or Swift runtime called from it, is the allocating caller)
#   handed to SiloScope      Graphviz allocated it for the caller to free: a graph (agmemread &
#                            other ag* calls; agclose), gvRenderData's output buffer
#                            (gvFreeRenderData), aglasterr's message and gvPluginList's list (free)
#   Graphviz-internal        allocated inside libgvc/libcgraph/libcdt/libgvplugin_*/pango/cairo/
#                            fontconfig/glib during a call that SiloScope made, or on a thread of
#                            those libraries, and never handed out
#
# and the Graphviz-internal part is compared with a plain C program (leakref, written to the
# log folder) that makes the same Graphviz calls in the documented order on the same DOT text:
# SiloScope's growth per cycle must not exceed the reference's by more than max(512 B, 10 %,
# 8 KB / cycles compared). That is what would show a missing gvFreeLayout, whose leaked
# memory carries the same stacks as Graphviz's own leaks.
#
# Exit status: 0 when nothing is SiloScope's; 1 when a leak is SiloScope's (its stack is
# printed with file and line); 2 when a run failed (or --self-test did not catch a planted
# leak); 64 for wrong arguments; 69 when a tool is missing.
#
# Usage: scripts/leak-check.sh [options]
#   --cycles N      cycles of the long fdp/svg run (default 1000; 0 skips it)
#   --people N      people in the test organization (default 48, five departments)
#   --configs LIST  engine:format:view triples for the 10/100-cycle runs, space separated
#                   (default "fdp:svg:people neato:svg:people dot:svg:people fdp:png:people auto:svg:people";
#                   "auto" is the engine SiloScope chooses itself, checked without a C reference)
#   --quick         only fdp:svg:people
#   --short N,M     the two short cycle counts (default 10,100)
#   --jobs N        valgrind runs at a time (default: the number of cores)
#   --self-test     also plant leaks (a Swift object per cycle in RenderCycles; a missing
#                   gvFreeRenderData, agclose or gvFreeLayout in the C reference) and check that
#                   each is reported
#   --no-asan       skip the second method (AddressSanitizer build + LeakSanitizer)
#   --root DIR      the SiloScope checkout to check (default: the one holding this script)
#   --scratch DIR   build folder (default ROOT/.build-leak; the ASan build uses DIR-asan)
#
# Logs stay in a new folder made with mktemp -d (printed at the start and the end); nothing is
# written to the checkout except the build folders.
set -uo pipefail

script_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$script_dir/.." && pwd)
long_cycles=1000
people=48
configs="fdp:svg:people neato:svg:people dot:svg:people fdp:png:people auto:svg:people"
short1=10
short2=100
jobs=$(nproc 2>/dev/null || echo 2)
self_test=0
asan=1
scratch=""

usage() { awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0" >&2; exit "${1:-64}"; }
while [ $# -gt 0 ]; do
  case "$1" in
  --cycles) long_cycles=${2:?}; shift 2 ;;
  --people) people=${2:?}; shift 2 ;;
  --configs) configs=${2:?}; shift 2 ;;
  --quick) configs="fdp:svg:people"; shift ;;
  --short) short1=${2%,*}; short2=${2#*,}; shift 2 ;;
  --jobs) jobs=${2:?}; shift 2 ;;
  --self-test) self_test=1; shift ;;
  --no-asan) asan=0; shift ;;
  --root) root=$(cd "${2:?}" && pwd) || exit 64; shift 2 ;;
  --scratch) scratch=${2:?}; shift 2 ;;
  -h | --help) usage 0 ;;
  *) echo "leak-check: unknown option $1" >&2; usage ;;
  esac
done
for n in "$long_cycles" "$people" "$short1" "$short2" "$jobs"; do
  [[ "$n" =~ ^[0-9]+$ ]] || { echo "leak-check: not a number: $n" >&2; exit 64; }
done
[ "$short1" -lt "$short2" ] && [ "$short1" -gt 0 ] || { echo "leak-check: --short needs 0 < N < M" >&2; exit 64; }
[ "$jobs" -ge 1 ] || jobs=1
[ -n "$scratch" ] || scratch="$root/.build-leak"
case "$scratch" in /*) ;; *) scratch="$PWD/$scratch" ;; esac
[ "$scratch" != "/" ] && [ "$scratch" != "$root" ] || { echo "leak-check: refusing scratch folder $scratch" >&2; exit 64; }
bench="$root/Tests/Benchmarks"
[ -f "$bench/Package.swift" ] && [ -f "$bench/RenderCycles/main.swift" ] || { echo "leak-check: no Tests/Benchmarks/RenderCycles in $root" >&2; exit 64; }

for tool in swift valgrind python3 pkg-config cc; do
  command -v "$tool" >/dev/null 2>&1 || { echo "leak-check: $tool is needed" >&2; exit 69; }
done
pkg-config --exists libgvc || { echo "leak-check: Graphviz's development files are needed (libgraphviz-dev)" >&2; exit 69; }

work=$(mktemp -d "${TMPDIR:-/tmp}/siloscope-leaks.XXXXXX") || exit 70
script_start=$(date +%s)
echo "leak-check: logs in $work"
echo "leak-check: checking $root ($(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo 'not a git checkout')$(git -C "$root" status --porcelain -- Sources 2>/dev/null | grep -q . && echo ', with uncommitted changes in Sources'))"

# MARK: - Build

# Release with debug info, in DWARF 4: valgrind 3.19 gives up on the DWARF 5 that clang 21
# writes for C/C++ dependencies (swift-crypto's BoringSSL: "unhandled dwarf2 abbrev form code
# 0x25 … Possibly corrupted debuginfo file … Giving up").
build_flags=(-c release -Xswiftc -g -Xswiftc -dwarf-version=4 -Xcc -gdwarf-4 -Xcxx -gdwarf-4 --product RenderCycles --scratch-path "$scratch")
echo "leak-check: building RenderCycles (release, -g, DWARF 4) in $scratch"
build_start=$(date +%s)
if ! (cd "$bench" && swift build "${build_flags[@]}") >"$work/build.log" 2>&1; then
  tail -30 "$work/build.log" >&2
  echo "leak-check: the build failed (log: $work/build.log)" >&2
  exit 2
fi
bin=$(cd "$bench" && swift build "${build_flags[@]}" --show-bin-path 2>/dev/null)/RenderCycles
[ -x "$bin" ] || { echo "leak-check: no RenderCycles at $bin" >&2; exit 2; }
echo "leak-check: built in $(($(date +%s) - build_start)) s"

# The C reference: the same Graphviz calls as Sources/SiloRender/Graphviz/Graphviz.swift makes
# for RenderCycles, in the documented order, on the DOT text RenderCycles prints.
cat >"$work/leakref.c" <<'CSOURCE'
/* leakref <cycles> <engine> <format> <file.dot> [mutation]: the leak check's reference loop.
 * Per cycle, like SiloScope's wrapper: agmemread, gvLayout, (check agerrors), gvRenderData,
 * gvFreeRenderData (also on failure), gvFreeLayout, agclose; aglasterr's message freed on every
 * error. Cycles 7 mod 10 read malformed DOT, 9 mod 10 lay out an invalid HTML label (an error
 * after gvLayout), as RenderCycles does. The plugin lists are fetched once and freed item by item.
 * mutation: none | no-free-render | no-free-layout | no-close (drops that call, for --self-test). */
#include <graphviz/gvc.h>
#include <graphviz/cgraph.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *mutation = "none";

static char *slurp(const char *path) {
  FILE *f = fopen(path, "rb");
  if (!f) { perror(path); exit(66); }
  fseek(f, 0, SEEK_END);
  long n = ftell(f);
  fseek(f, 0, SEEK_SET);
  char *text = malloc((size_t)n + 1);
  if (!text || fread(text, 1, (size_t)n, f) != (size_t)n) { perror(path); exit(66); }
  text[n] = 0;
  fclose(f);
  return text;
}

static void lasterr(void) { free(aglasterr()); }

static void plugins(GVC_t *gvc, const char *kind) {
  int count = 0;
  char **list = gvPluginList(gvc, kind, &count, NULL);
  if (!list) return;
  for (int i = 0; i < count; i++) free(list[i]);
  free(list);
}

static int render(GVC_t *gvc, const char *text, const char *engine, const char *format) {
  agreseterrors();
  Agraph_t *g = agmemread(text);
  if (!g) { lasterr(); return -1; }
  agreseterrors();
  if (gvLayout(gvc, g, engine) != 0) { lasterr(); agclose(g); return -2; }
  int failed = 0;
  if (agerrors() >= AGERR) { lasterr(); failed = -3; }
  if (!failed) {
    char *data = NULL;
    unsigned int length = 0;
    int status = gvRenderData(gvc, g, format, &data, &length);
    if (status != 0 || agerrors() >= AGERR || !data || length == 0) { lasterr(); failed = -4; }
    if (data && strcmp(mutation, "no-free-render") != 0) gvFreeRenderData(data);
  }
  if (strcmp(mutation, "no-free-layout") != 0) gvFreeLayout(gvc, g);
  if (strcmp(mutation, "no-close") != 0) agclose(g);
  return failed;
}

int main(int argc, char **argv) {
  if (argc < 5) {
    fprintf(stderr, "usage: leakref <cycles> <engine> <format> <file.dot> [none|no-free-render|no-free-layout|no-close]\n");
    return 64;
  }
  int cycles = atoi(argv[1]);
  const char *engine = argv[2], *format = argv[3];
  if (argc > 5) mutation = argv[5];
  char *text = slurp(argv[4]);
  agseterr(AGMAX);
  GVC_t *gvc = gvContext();
  int problems = 0;
  for (int cycle = 0; cycle < cycles; cycle++) {
    if (cycle == 0) { plugins(gvc, "layout"); plugins(gvc, "device"); }
    if (render(gvc, text, engine, format) != 0) problems++;
    if (cycle % 10 == 7 && render(gvc, "graph { a -- ; }", "fdp", format) != -1) problems++;
    if (cycle % 10 == 9 && render(gvc, "graph { a [label=<<b>Zo\xc3\xab</i>>]; a -- b }", "neato", format) != -3) problems++;
  }
  free(text);
  printf("leakref: %d cycles, %s %s, mutation %s, problems %d\n", cycles, engine, format, mutation, problems);
  return problems ? 1 : 0;
}
CSOURCE
# shellcheck disable=SC2046
if ! cc -g -O1 -Wall -o "$work/leakref" "$work/leakref.c" $(pkg-config --cflags --libs libgvc) >"$work/leakref-build.log" 2>&1; then
  cat "$work/leakref-build.log" >&2
  echo "leak-check: the C reference does not compile" >&2
  exit 2
fi

# MARK: - Runs

valgrind_options=(--leak-check=full --show-leak-kinds=definite,indirect --num-callers=40 --errors-for-leak-kinds=definite)
manifest="$work/runs.tsv"
: >"$manifest"

# plan ROLE NAME CONFIG CYCLES MUTATION COMMAND...   (ROLE: main, ref, inject, mutant)
planned=()
plan() {
  local role=$1 name=$2 config=$3 cycles=$4 mutation=$5
  shift 5
  printf '%s\t%s\t%s\t%s\t%s\n' "$role" "$name" "$config" "$cycles" "$mutation" >>"$manifest"
  planned+=("$name")
  printf '%s\0' "$@" >"$work/$name.cmd"
}

launch() {
  local name=$1
  local -a command=()
  while IFS= read -r -d '' part; do command+=("$part"); done <"$work/$name.cmd"
  while [ "$(jobs -rp | wc -l)" -ge "$jobs" ]; do wait -n 2>/dev/null || true; done
  (timed "$name" env "${command[@]}") &
}

# timed NAME COMMAND...: runs COMMAND with its output in NAME.out/.err, its exit status in
# NAME.rc and "wall user system" seconds in NAME.time.
timed() {
  local name=$1
  shift
  local TIMEFORMAT='%R %U %S'
  { time "$@" >"$work/$name.out" 2>"$work/$name.err"; } 2>"$work/$name.time"
  echo $? >"$work/$name.rc"
}

dot_of() { # the DOT text RenderCycles renders for CONFIG, for the C reference
  local engine=${1%%:*} rest=${1#*:}
  local view=${rest#*:}
  "$bin" 1 "$engine" dot "$view" "$people" >"$work/dot-${1//:/-}.dot" 2>>"$work/dot.err"
}

for config in $configs; do
  IFS=: read -r engine format view <<<"$config"
  [ -n "$engine" ] && [ -n "$format" ] && [ -n "$view" ] || { echo "leak-check: configuration $config is not engine:format:view" >&2; exit 64; }
  tag=${config//:/-}
  if [ "$config" = "fdp:svg:people" ] && [ "$long_cycles" -gt 0 ]; then
    plan main "sw-$tag-$long_cycles" "$config" "$long_cycles" none \
      RENDERCYCLES_INJECT_LEAK=0 valgrind "${valgrind_options[@]}" --log-file="$work/sw-$tag-$long_cycles.vg" "$bin" "$long_cycles" "$engine" "$format" "$view" "$people"
  fi
  for cycles in "$short2" "$short1"; do
    plan main "sw-$tag-$cycles" "$config" "$cycles" none \
      RENDERCYCLES_INJECT_LEAK=0 valgrind "${valgrind_options[@]}" --log-file="$work/sw-$tag-$cycles.vg" "$bin" "$cycles" "$engine" "$format" "$view" "$people"
  done
  if [ "$engine" != auto ]; then
    dot_of "$config" || { echo "leak-check: RenderCycles could not print the DOT text of $config" >&2; cat "$work/dot.err" >&2; exit 2; }
    for cycles in "$short2" "$short1"; do
      plan ref "c-$tag-$cycles" "$config" "$cycles" none \
        valgrind "${valgrind_options[@]}" --log-file="$work/c-$tag-$cycles.vg" "$work/leakref" "$cycles" "$engine" "$format" "$work/dot-$tag.dot"
    done
  fi
done
if [ "$self_test" = 1 ]; then
  config=fdp:svg:people
  tag=fdp-svg-people
  [ -f "$work/dot-$tag.dot" ] || dot_of "$config" || exit 2
  for cycles in 10 30; do
    [ -f "$work/c-$tag-$cycles.cmd" ] || plan ref "c-$tag-$cycles" "$config" "$cycles" none \
      valgrind "${valgrind_options[@]}" --log-file="$work/c-$tag-$cycles.vg" "$work/leakref" "$cycles" fdp svg "$work/dot-$tag.dot"
    for mutation in no-free-render no-close no-free-layout; do
      plan mutant "m-$mutation-$cycles" "$config" "$cycles" "$mutation" \
        valgrind "${valgrind_options[@]}" --log-file="$work/m-$mutation-$cycles.vg" "$work/leakref" "$cycles" fdp svg "$work/dot-$tag.dot" "$mutation"
    done
  done
  plan inject "inject-$tag-10" "$config" 10 inject \
    RENDERCYCLES_INJECT_LEAK=1 valgrind "${valgrind_options[@]}" --log-file="$work/inject-$tag-10.vg" "$bin" 10 fdp svg people "$people"
fi

echo "leak-check: ${#planned[@]} valgrind runs, $jobs at a time"
valgrind_start=$(date +%s)
for name in "${planned[@]}"; do launch "$name"; done
wait
valgrind_seconds=$(($(date +%s) - valgrind_start))
echo "leak-check: valgrind runs done in $valgrind_seconds s"

# MARK: - Second method: AddressSanitizer's LeakSanitizer

supp="$bench/lsan-graphviz.supp"
[ -f "$supp" ] || supp="$script_dir/../Tests/Benchmarks/lsan-graphviz.supp"
asan_status="skipped (--no-asan)"
if [ "$asan" = 1 ]; then
  echo "leak-check: building RenderCycles with AddressSanitizer (debug) in $scratch-asan"
  if (cd "$bench" && swift build --sanitize=address --product RenderCycles --scratch-path "$scratch-asan") >"$work/asan-build.log" 2>&1; then
    asan_bin=$(cd "$bench" && swift build --sanitize=address --product RenderCycles --scratch-path "$scratch-asan" --show-bin-path 2>/dev/null)/RenderCycles
    asan_options="detect_leaks=1:fast_unwind_on_malloc=0:malloc_context_size=40"
    asan_runs=()
    for config in $configs; do
      IFS=: read -r engine format view <<<"$config"
      cycles=$short2
      [ "$config" = "fdp:svg:people" ] && [ "$long_cycles" -gt 0 ] && cycles=$long_cycles
      name="lsan-${config//:/-}-$cycles"
      asan_runs+=("$name")
      printf '%s\t%s\t%s\t%s\t%s\n' lsan "$name" "$config" "$cycles" none >>"$manifest"
      timed "$name" env ASAN_OPTIONS="$asan_options" LSAN_OPTIONS="suppressions=$supp:print_suppressions=1" \
        RENDERCYCLES_INJECT_LEAK=0 "$asan_bin" "$cycles" "$engine" "$format" "$view" "$people"
    done
    if [ "$self_test" = 1 ]; then
      name="lsan-inject-fdp-svg-people-10"
      printf '%s\t%s\t%s\t%s\t%s\n' lsan-inject "$name" fdp:svg:people 10 inject >>"$manifest"
      timed "$name" env ASAN_OPTIONS="$asan_options" LSAN_OPTIONS="suppressions=$supp:print_suppressions=1" \
        RENDERCYCLES_INJECT_LEAK=1 "$asan_bin" 10 fdp svg people "$people"
      # The C reference with the sanitizer and the same suppressions: a missing free must still show.
      asan_cc=$(command -v clang || command -v cc)
      # shellcheck disable=SC2046
      if "$asan_cc" -g -O1 -fno-omit-frame-pointer -fsanitize=address -o "$work/leakref-asan" "$work/leakref.c" $(pkg-config --cflags --libs libgvc) >"$work/leakref-asan-build.log" 2>&1; then
        for mutation in none no-free-render no-close no-free-layout; do
          name="lsan-ref-$mutation-10"
          printf '%s\t%s\t%s\t%s\t%s\n' lsan-mutant "$name" fdp:svg:people 10 "$mutation" >>"$manifest"
          timed "$name" env ASAN_OPTIONS="$asan_options" LSAN_OPTIONS="suppressions=$supp:print_suppressions=1" \
            "$work/leakref-asan" 10 fdp svg "$work/dot-fdp-svg-people.dot" "$mutation"
        done
      fi
    fi
    asan_status="ran"
  else
    asan_status="build failed (log: $work/asan-build.log)"
  fi
fi

# MARK: - Analysis

cat >"$work/analyze.py" <<'PYTHON'
"""Reads the valgrind and LeakSanitizer logs listed in runs.tsv and classifies every leak."""
import collections, os, re, sys

work, people, asan_status = sys.argv[1], sys.argv[2], sys.argv[3]

# --- valgrind ----------------------------------------------------------------------------------
HEADER = re.compile(r'^\s*([\d,]+) (?:\(([\d,]+) direct, ([\d,]+) indirect\) )?bytes in ([\d,]+) blocks '
                    r'are (definitely|indirectly|possibly) lost in loss record')
FRAME = re.compile(r'^\s*(?:at|by) 0x[0-9A-Fa-f]+: (.*) \((.*)\)\s*$')
ERROR = re.compile(r'^(Invalid (?:read|write|free\(\)|free)|Conditional jump or move depends on uninitialised|'
                   r'Use of uninitialised|Mismatched free|Syscall param|Source and destination overlap)')

def number(text):
    return int(text.replace(',', '')) if text else 0

def parse_valgrind(path):
    records, summary, errors = [], {}, []
    current = None
    in_error = None
    for raw in open(path, errors='replace'):
        line = re.sub(r'^==\d+==\s?', '', raw.rstrip('\n'))
        match = HEADER.match(line)
        if match:
            total = number(match.group(1))
            current = dict(kind=match.group(5), bytes=number(match.group(2)) if match.group(2) else total,
                           blocks=number(match.group(4)), frames=[], text=[line.strip()])
            records.append(current)
            in_error = None
            continue
        if ERROR.match(line.strip()):
            in_error = dict(kind=line.strip(), frames=[])
            errors.append(in_error)
            current = None
            continue
        frame = FRAME.match(line)
        if frame and current is not None:
            current['frames'].append((frame.group(1), frame.group(2)))
            current['text'].append(line.strip())
            continue
        if frame and in_error is not None:
            in_error['frames'].append((frame.group(1), frame.group(2)))
            continue
        if not line.strip():
            current = None
            in_error = None
        stripped = line.strip()
        for key in ('definitely lost', 'indirectly lost', 'possibly lost', 'still reachable'):
            if stripped.startswith(key + ':'):
                summary[key] = number(stripped.split(':', 1)[1].split('bytes')[0].strip())
    return records, summary, errors

# --- LeakSanitizer -----------------------------------------------------------------------------
LSAN_HEADER = re.compile(r'^(Direct|Indirect) leak of (\d+) byte\(s\) in (\d+) object\(s\) allocated from:')
LSAN_FRAME = re.compile(r'^\s*#\d+ 0x[0-9a-f]+\s+(?:in (\S+)\s*(.*)|\((.*?)\)(?: \(BuildId.*\))?)$')

def parse_lsan(path):
    records, suppressed = [], []
    current = None
    in_suppressions = False
    for raw in open(path, errors='replace'):
        line = raw.rstrip('\n')
        match = LSAN_HEADER.match(line)
        if match:
            current = dict(kind='definitely' if match.group(1) == 'Direct' else 'indirectly',
                           bytes=int(match.group(2)), blocks=int(match.group(3)), frames=[], text=[line])
            records.append(current)
            continue
        frame = LSAN_FRAME.match(line)
        if frame and current is not None:
            if frame.group(1):
                current['frames'].append((frame.group(1), frame.group(2) or ''))
            else:
                current['frames'].append(('???', 'in ' + frame.group(3)))
            current['text'].append(line.strip())
            continue
        if not line.strip():
            current = None
        if line.startswith('Suppressions used:'):
            in_suppressions = True
            continue
        if in_suppressions:
            parts = line.split()
            if len(parts) >= 3 and parts[0].isdigit():
                suppressed.append((int(parts[0]), int(parts[1]), parts[2]))
            elif line.startswith('---') or 'count' in line:
                continue
            else:
                in_suppressions = False
    return records, suppressed

# --- Classification ----------------------------------------------------------------------------
SILOSCOPE = re.compile(r'Silo(?:Graph|Ingest|Metrics|Render|Report|Kit)|RenderCycles|\.swift:\d+|<compiler-generated>|'
                       r'/Sources/Silo|DequeModule|HeapModule')
REFERENCE = re.compile(r'leakref')
ALLOCATORS = {'malloc', 'calloc', 'realloc', 'memalign', 'posix_memalign', 'aligned_alloc', 'strdup', 'strndup',
              'operator new(unsigned long)', 'operator new[](unsigned long)', 'gmalloc', 'zmalloc', 'grealloc',
              'gcalloc', 'zrealloc', 'agalloc', 'agrealloc', 'g_malloc', 'g_malloc0', 'g_realloc', 'g_try_malloc',
              'g_slice_alloc', 'g_slice_alloc0', 'g_strdup', 'g_strndup', 'g_memdup', 'g_memdup2', 'FcStrCopy'}
RUNTIME = re.compile(r'vgpreload|asan_|sanitizer|/libc\.so|libc-|strdup\.c|libswift|libFoundation|lib_Foundation|'
                     r'libdispatch|libBlocksRuntime|libstdc\+\+|^swift_|^_swift')
CGRAPH_NOT_HANDED = {'agclose', 'agerrors', 'agreseterrors', 'agseterr', 'agseterrf', 'agerr', 'agstrfree'}
OUTPUT_BUFFER = {'gvwrite', 'gvwrite_no_z', 'gvdevice_initialize', 'gvdevice_finalize', 'gvputs', 'gvprintf'}
# Graphviz 2.42 leaks inside functions that otherwise hand memory over; each one must not grow.
KNOWN_HANDOVER_BUGS = {
    ('gvPluginList', 'strdup'): 'gvPluginList strdup()s every plugin type and drops the duplicate types without '
                                'freeing them (lib/gvc/gvplugin.c); SiloScope frees every item it is given',
}

def where(frame):
    return frame[0] + ' ' + frame[1]

def client_index(frames, client):
    for index, frame in enumerate(frames):
        if client.search(where(frame)):
            return index
    return None

def requester(frames):
    for index, frame in enumerate(frames):
        if frame[0] in ALLOCATORS or RUNTIME.search(frame[0]) or RUNTIME.search(frame[1]):
            continue
        return index
    return None

def signature(frames, client):
    """The library frames from the allocation up to the call made by the client."""
    out = []
    for frame in frames:
        if client.search(where(frame)):
            break
        name = frame[0]
        if name == '???':
            name = '???(' + frame[1].replace('in ', '').split('/')[-1].split(' ')[0].split('+')[0] + ')'
        out.append(name)
    return tuple(out)

def condensed(sig):
    named = [f for f in sig if not f.startswith('???') and f not in ALLOCATORS and not RUNTIME.search(f)]
    if not named:
        return ' ← '.join(sig[:4]) or '(no frames)'
    head = named[:4]
    if len(named) > 4:
        head = head + ['…', named[-1]]
    return ' ← '.join(head)

def classify(record, client):
    frames = record['frames']
    c = client_index(frames, client)
    r = requester(frames)
    if r is not None and c is not None and r == c:
        return 'siloscope-allocation', None
    if c is None:
        return 'library-only', None
    entry = frames[c - 1][0] if c > 0 else '???'
    names = {f[0] for f in frames[:c]}
    handed = ((entry.startswith('ag') and entry not in CGRAPH_NOT_HANDED)
              or entry in ('gvPluginList', 'gvContext', 'gvContextPlugins', 'gvNEWcontext', 'gvplugin_list')
              or (entry.startswith('gvRender') and names & OUTPUT_BUFFER))
    if handed:
        allocator = next((f[0] for f in frames[:c] if f[0] in ALLOCATORS and f[0] not in ('malloc', 'calloc', 'realloc')), 'malloc')
        if (entry, allocator) in KNOWN_HANDOVER_BUGS:
            return 'known-graphviz-bug', (entry, allocator)
        return 'handed-over', entry
    return 'graphviz-internal', entry

# --- Runs --------------------------------------------------------------------------------------
runs = []
for line in open(os.path.join(work, 'runs.tsv')):
    role, name, config, cycles, mutation = line.rstrip('\n').split('\t')
    run = dict(role=role, name=name, config=config, cycles=int(cycles), mutation=mutation)
    path = os.path.join(work, f'{name}.rc')
    run['rc'] = open(path).read().strip() if os.path.exists(path) else '?'
    path = os.path.join(work, f'{name}.time')
    try:
        wall, user, system = (float(x) for x in open(path).read().split()[-3:])
        run['wall'], run['cpu'] = f'{wall:.0f}', f'{user + system:.0f}'
    except (OSError, ValueError):
        run['wall'] = run['cpu'] = '?'
    run['stdout'] = open(os.path.join(work, f'{name}.out'), errors='replace').read().strip() if os.path.exists(os.path.join(work, f'{name}.out')) else ''
    runs.append(run)

def by(role, config, cycles):
    return next((r for r in runs if r['role'] == role and r['config'] == config and r['cycles'] == cycles), None)

problems = []        # runs that did not work
attributable = []    # (run, record, class, detail)
for run in runs:
    if run['role'].startswith('lsan'):
        continue
    client = REFERENCE if run['role'] in ('ref', 'mutant') else SILOSCOPE
    log = os.path.join(work, run['name'] + '.vg')
    if not os.path.exists(log):
        problems.append(f"{run['name']}: no valgrind log")
        continue
    records, summary, errors = parse_valgrind(log)
    run.update(records=records, summary=summary, errors=errors, client=client)
    if 'definitely lost' not in summary:
        summary.setdefault('definitely lost', 0)
        summary.setdefault('indirectly lost', 0)
        if not any('All heap blocks were freed' in l for l in open(log, errors='replace')):
            problems.append(f"{run['name']}: valgrind printed no leak summary (crash?)")
    expected_rc = '0'
    if run['rc'] != expected_rc and run['role'] != 'mutant':
        problems.append(f"{run['name']}: exit status {run['rc']}: {open(os.path.join(work, run['name'] + '.err'), errors='replace').read().strip()[-400:]}")
    run['classes'] = collections.Counter()
    run['by_signature'] = collections.Counter()
    run['entered'] = 0
    run['known'] = collections.Counter()
    run['flagged'] = []
    for record in records:
        if record['kind'] not in ('definitely', 'indirectly'):
            continue
        kind, detail = classify(record, client)
        record['class'], record['detail'] = kind, detail
        run['classes'][kind] += record['bytes']
        sig = signature(record['frames'], client)
        record['signature'] = sig
        run['by_signature'][sig] += record['bytes']
        if kind in ('graphviz-internal', 'handed-over', 'known-graphviz-bug'):
            run['entered'] += record['bytes']
        if kind == 'known-graphviz-bug':
            run['known'][detail] += record['bytes']
        if kind in ('siloscope-allocation', 'handed-over'):
            run['flagged'].append(record)
    run['client_errors'] = [e for e in errors if client_index(e['frames'], client) is not None]

# Handed-over leaks that the correct C reference shows identically are Graphviz's own.
for run in runs:
    if run['role'] not in ('main', 'mutant', 'inject') or 'records' not in run:
        continue
    reference = by('ref', run['config'], run['cycles'])
    kept = []
    for record in run['flagged']:
        if record['class'] == 'handed-over' and reference and 'by_signature' in reference \
                and reference['by_signature'].get(record['signature'], 0) >= run['by_signature'][record['signature']]:
            record['class'] = 'graphviz-internal'
            continue
        kept.append(record)
    run['flagged'] = kept

def growth(config, role, low, high, key='entered'):
    a, b = by(role, config, low), by(role, config, high)
    if not a or not b or key not in a or key not in b:
        return None
    return (b[key] - a[key]) / (high - low)

def total(run):
    return run['summary'].get('definitely lost', 0) + run['summary'].get('indirectly lost', 0)

def total_growth(config, role, low, high):
    a, b = by(role, config, low), by(role, config, high)
    if not a or not b or 'summary' not in a or 'summary' not in b:
        return None
    return (total(b) - total(a)) / (high - low)

configs = []
for run in runs:
    if run['role'] == 'main' and run['config'] not in configs:
        configs.append(run['config'])
cycle_counts = sorted({r['cycles'] for r in runs if r['role'] == 'main'})
short = sorted({r['cycles'] for r in runs if r['role'] == 'main' and all(by('main', c, r['cycles']) for c in configs)})
low, high = (short[0], short[-1]) if len(short) >= 2 else (None, None)

# Rule C: growth per cycle of Graphviz-side memory beyond the C reference's.
excess = {}
def tolerance(ref, span):
    """Allowed excess per cycle: 512 B or 10 % of the reference's growth, and at least 8 KB of
    one-time difference spread over the cycles compared (fontconfig fills its caches on a pango
    thread, so the first layouts lose a few KB more or less from run to run)."""
    return max(512.0, 0.10 * abs(ref), 8192.0 / span)

def excess_check(config, role, low, high):
    mine = growth(config, role, low, high)
    ref = growth(config, 'ref', low, high)
    if mine is None or ref is None:
        return None, mine, ref
    return (mine - ref > tolerance(ref, high - low)), mine, ref

verdict_leaks = []
for config in configs:
    over, mine, ref = excess_check(config, 'main', low, high) if low else (None, None, None)
    excess[config] = (over, mine, ref)
    if over:
        verdict_leaks.append(f"{config}: Graphviz-side memory grows {mine:.0f} B/cycle under SiloScope, "
                             f"{ref:.0f} B/cycle in the C reference (a layout, graph or buffer SiloScope does not free?)")
    # known Graphviz bugs inside hand-over calls must stay one-time
    a, b = by('main', config, low) if low else None, by('main', config, high) if high else None
    if a and b and 'known' in a and 'known' in b:
        for key in set(a['known']) | set(b['known']):
            if b['known'][key] > a['known'][key]:
                verdict_leaks.append(f"{config}: {key[0]}'s leak grows with cycles ({a['known'][key]} → {b['known'][key]} bytes)")
for run in runs:
    if run['role'] == 'main' and run.get('flagged'):
        for record in run['flagged']:
            verdict_leaks.append(f"{run['name']}: {record['class']}: {record['text'][0]}")

# --- Report ------------------------------------------------------------------------------------
out = []
def say(text=''):
    out.append(text)

say(f"SiloScope Graphviz leak check — {people} people, valgrind memcheck (definite + indirect), logs in {work}")
say()
say('| run | cycles | definitely lost | indirectly lost | possibly lost | still reachable | SiloScope records | lost in Graphviz calls | wall s | CPU s |')
say('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|')
for run in runs:
    if run['role'] not in ('main', 'ref') or 'summary' not in run:
        continue
    s = run['summary']
    who = 'RenderCycles' if run['role'] == 'main' else 'C reference'
    say(f"| {who} {run['config']} | {run['cycles']} | {s.get('definitely lost', 0):,} | {s.get('indirectly lost', 0):,} | "
        f"{s.get('possibly lost', 0):,} | {s.get('still reachable', 0):,} | {len(run['flagged'])} | {run['entered']:,} | {run['wall']} | {run['cpu']} |")
say()
longest = max((r for r in runs if r['role'] == 'main'), key=lambda r: r['cycles'], default=None)
if longest:
    say('Longest run: ' + (longest['stdout'].splitlines()[-1] if longest['stdout'] else f"no output (exit {longest['rc']})"))
    say()
if low:
    say(f'Growth per cycle (definite + indirect bytes, {low} → {high} cycles):')
    say()
    say('| configuration | RenderCycles | C reference | SiloScope excess | long run |')
    say('|---|---:|---:|---:|---:|')
    for config in configs:
        over, mine, ref = excess[config]
        g = total_growth(config, 'main', low, high)
        gr = total_growth(config, 'ref', low, high)
        longest = max((r['cycles'] for r in runs if r['role'] == 'main' and r['config'] == config), default=high)
        lg = total_growth(config, 'main', high, longest) if longest > high else None
        say(f"| {config} | {g:,.0f} B | " + (f"{gr:,.0f} B" if gr is not None else 'no reference') + ' | '
            + (f"{(mine - ref):+,.0f} B" if mine is not None and ref is not None else '–') + ' | '
            + (f"{lg:,.0f} B/cycle ({high} → {longest})" if lg is not None else '–') + ' |')
    say()
    say('Top Graphviz leak stacks by growth per cycle (allocation ← callers, up to the call SiloScope made):')
    for config in configs:
        a, b = by('main', config, low), by('main', config, high)
        if not a or not b or 'by_signature' not in a:
            continue
        grouped = collections.Counter()
        for sig in set(a['by_signature']) | set(b['by_signature']):
            grouped[condensed(sig)] += (b['by_signature'][sig] - a['by_signature'][sig]) / (high - low)
        say(f'  {config}:')
        for text, bytes_per_cycle in grouped.most_common(5):
            if bytes_per_cycle <= 0:
                break
            say(f'    {bytes_per_cycle:8,.0f} B/cycle  {text}')
    say()
one_time = collections.Counter()
for run in runs:
    if run['role'] == 'main' and 'known' in run:
        for key, value in run['known'].items():
            one_time[key] = max(one_time[key], value)
for key, value in one_time.items():
    say(f"Graphviz-internal, one-time: {value} bytes from {key[0]} ({KNOWN_HANDOVER_BUGS[key]}).")
errors = [(run, e) for run in runs if run['role'] == 'main' for e in run.get('client_errors', [])]
other_errors = sum(len(run.get('errors', [])) for run in runs if run['role'] == 'main')
say(f"Memory errors other than leaks in RenderCycles runs: {other_errors}" + (f", {len(errors)} with a SiloScope frame" if errors else ''))
for run, error in errors[:5]:
    say(f"  {run['name']}: {error['kind']}")
    for frame in error['frames'][:12]:
        say(f'      {frame[0]} ({frame[1]})')
say()

# Self-test
self_test_failed = []
tests = [r for r in runs if r['role'] in ('mutant', 'inject')]
if tests:
    say('Self-test (planted leaks must be reported):')
    for run in tests:
        if 'records' not in run:
            self_test_failed.append(run['name'])
            continue
        caught = []
        if run['flagged']:
            caught.append(f"{len(run['flagged'])} record(s) " + ', '.join(sorted({r['class'] for r in run['flagged']})))
        if run['role'] == 'mutant':
            other = [r for r in runs if r['role'] == 'mutant' and r['mutation'] == run['mutation'] and r['cycles'] != run['cycles']]
            if other and run['cycles'] > other[0]['cycles']:
                lo, hi = other[0]['cycles'], run['cycles']
                mine = (run['entered'] - other[0]['entered']) / (hi - lo)
                ref = growth(run['config'], 'ref', lo, hi)
                if ref is not None and mine - ref > tolerance(ref, hi - lo):
                    caught.append(f'growth {mine:,.0f} B/cycle vs reference {ref:,.0f}')
            elif other:
                continue  # reported with the longer run
        say(f"  {run['mutation'] if run['role'] == 'mutant' else 'Swift object leaked per cycle'}: "
            + ('caught: ' + '; '.join(caught) if caught else 'NOT CAUGHT'))
        if not caught:
            self_test_failed.append(run['name'])
    say()

# LeakSanitizer
lsan = [r for r in runs if r['role'].startswith('lsan')]
lsan_flagged = []
say(f'LeakSanitizer (AddressSanitizer debug build, suppressions Tests/Benchmarks/lsan-graphviz.supp): {asan_status}')
for run in lsan:
    err = os.path.join(work, run['name'] + '.err')
    if not os.path.exists(err):
        continue
    records, suppressed = parse_lsan(err)
    client = REFERENCE if run['role'] == 'lsan-mutant' else SILOSCOPE
    flagged = []
    for record in records:
        kind, detail = classify(record, client)
        record['class'] = kind
        if kind in ('siloscope-allocation', 'handed-over'):
            flagged.append(record)
    reported = sum(r['bytes'] for r in records)
    hidden = sum(s[1] for s in suppressed)
    label = {'lsan': run['config'], 'lsan-inject': 'self-test: Swift object leaked per cycle',
             'lsan-mutant': f"self-test: C reference, {run['mutation']}"}[run['role']]
    line = (f"  {label}, {run['cycles']} cycles: exit {run['rc']}, {len(records)} unsuppressed record(s), {reported:,} bytes"
            f" ({len(flagged)} SiloScope's or handed over); suppressed {hidden:,} bytes by {len(suppressed)} rule(s)")
    say(line)
    if run['role'] == 'lsan':
        lsan_flagged += [(run, r) for r in flagged]
        if records and not flagged:
            for record in records[:3]:
                say('      unsuppressed, not SiloScope\'s: ' + ' ← '.join(signature(record['frames'], client)[:6]))
        if not run['stdout'].startswith('RenderCycles:'):
            problems.append(f"{run['name']}: RenderCycles under ASan printed no summary (exit {run['rc']})")
    elif run['role'] == 'lsan-inject' and not flagged:
        self_test_failed.append(run['name'])
    elif run['role'] == 'lsan-mutant':
        expect = run['mutation'] != 'none'
        if expect and not records:
            self_test_failed.append(run['name'])
        if not expect and records:
            say('      the correct C reference should leave nothing unsuppressed')
say()

# SiloScope's leaks, with their stacks
for run, record in [(r, x) for r in runs if r['role'] == 'main' for x in r.get('flagged', [])][:10] + lsan_flagged[:5]:
    say(f"SiloScope leak ({record['class']}) in {run['name']}:")
    for text in record['text'][:45]:
        say('    ' + text)
    say()
for run, record in lsan_flagged:
    verdict_leaks.append(f"{run['name']} (LeakSanitizer): {record['class']}: {record['text'][0]}")

say('Not leaks: "possibly lost" blocks are interior pointers valgrind cannot prove dead (Swift runtime metadata and')
say('conformance caches, Foundation/dispatch thread state, fontconfig caches); "still reachable" blocks still have a')
say('pointer at exit (the one Graphviz context, SiloScope\'s engine/format C strings, Swift metadata caches). Neither grows.')
say()
if problems:
    say('Runs that did not work:')
    for p in problems:
        say('  ' + p)
    say()
if verdict_leaks:
    say('VERDICT: SiloScope leaks:')
    for v in verdict_leaks:
        say('  ' + v)
    status = 1
elif problems or self_test_failed:
    say('VERDICT: incomplete' + (f"; self-test not caught: {', '.join(self_test_failed)}" if self_test_failed else ''))
    status = 2
else:
    say('VERDICT: no leak is SiloScope\'s; every lost block is allocated inside Graphviz or the libraries it uses, '
        'and grows no faster than in a plain C program that frees everything Graphviz hands it.')
    status = 0
report = '\n'.join(out)
print(report)
open(os.path.join(work, 'report.md'), 'w').write(report + '\n')
sys.exit(status)
PYTHON

python3 "$work/analyze.py" "$work" "$people" "$asan_status"
status=$?
echo
echo "leak-check: total $(($(date +%s) - script_start)) s (valgrind $valgrind_seconds s); report and logs in $work"
exit $status
