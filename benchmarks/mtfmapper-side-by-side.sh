#!/usr/bin/env bash
# camlab against MTF Mapper on the same stills, side by side in one hyperfine run (issue 29: "a still's
# whole process no slower than MTF Mapper's on the same image").
#
#   MTF_MAPPER=/path/to/mtf_mapper benchmarks/mtfmapper-side-by-side.sh STILL...
#   RUNS=20 CAMLAB_ARGS='--json --no-progress --faces none' MTF_MAPPER=... benchmarks/mtfmapper-side-by-side.sh a.png
#
# MTF Mapper (https://sourceforge.net/projects/mtfmapper/, BSD-style licence) is not part of camlab and none
# of its code is in this repository: build it anywhere (benchmarks/MTFMAPPER.md says how, without installing
# anything) and name the binary in MTF_MAPPER. It reads dark squares on a light background, so give it
# charts (camlab chart) or photographs of them; on other stills it finds no edge and its time is that of
# finding none.
#
# Timed, each as a whole process's wall time (hyperfine: WARMUP untimed runs, default 1, then RUNS,
# default 10; the table shows medians):
#   camlab      $CAMLAB analyze STILL $CAMLAB_ARGS    CAMLAB defaults to this checkout's bin/camlab (the
#               launcher: class-data archive, C1 only for stills), CAMLAB_ARGS to "--json --no-progress
#               --faces none": what MTF Mapper does, a still read, its edges found and measured, numbers
#               printed, and no face detector (analyze cannot be limited to resolution: exposure, noise and
#               colour are measured too; CAMLAB_ARGS="--json --no-progress" adds the face detector,
#               "--chart" the chart reading)
#   MTF Mapper  $MTF_MAPPER $MTFM_ARGS STILL OUTDIR   MTFM_ARGS defaults to "-q -v 2": per-edge MTF50 with
#               edge positions (edge_mtf_values.txt), 8-bit input taken as sRGB and linearised, as camlab
#               does; OUTDIR a fresh temporary directory per still
#   java -version  the JVM's own start, the floor under any Java command (JAVA, default: the java camlab's
#               launcher runs, $JAVA_HOME/bin/java or the one on the PATH)
#   BATCH=N (default 0: not run)  many stills in one go, as a facilities team measures a round of rooms:
#               the stills given, each N times, in ONE camlab process (camlab analyze S1 S2 … S1 S2 …),
#               against the same list as a loop of MTF Mapper processes (it reads one image per run);
#               hyperfine WARMUP + 3 runs, medians, shown in total and per still
# Both run on every core they want (camlab: a still's rows over at most 4 threads; MTF Mapper: one
# thread per core).
# After the timing, untimed runs for what the table also shows:
#   camlab in-JVM ms   camlab's own figure for the analysis of the frame, from --verbose ("1 analysed
#                      (..., N ms each on T threads)"): the process minus JVM start, decoding and loading;
#                      the median of INTERNAL_RUNS (default 3) runs
#   edges, MTF50       how many edges each measured and its MTF50 (camlab: resolution.mtf50, the median;
#                      MTF Mapper: the median over its edges, from edge_mtf_values.txt, so MTFM_ARGS must
#                      keep -q; its unmeasured edges, written as 1.0, left out), cycles/pixel; "-" where none
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(dirname "$here")
camlab=${CAMLAB:-$repo/bin/camlab}
mtfm=${MTF_MAPPER:-}
java=${JAVA:-${JAVA_HOME:+$JAVA_HOME/bin/}java}
runs=${RUNS:-10}
warmup=${WARMUP:-1}
internal_runs=${INTERNAL_RUNS:-3}
batch=${BATCH:-0}
read -r -a camlab_args <<< "${CAMLAB_ARGS:---json --no-progress --faces none}"
read -r -a mtfm_args <<< "${MTFM_ARGS:--q -v 2}"

usage="usage: MTF_MAPPER=/path/to/mtf_mapper $0 STILL... (building it: benchmarks/MTFMAPPER.md)"
[[ $# -gt 0 ]] || { echo "$usage" >&2; exit 2; }
[[ -n $mtfm && -x $mtfm ]] || { echo "side-by-side: MTF_MAPPER must name the mtf_mapper binary; $usage" >&2; exit 2; }
[[ -x $camlab ]] || { echo "side-by-side: $camlab is not executable (set CAMLAB)" >&2; exit 1; }
for tool in hyperfine jq; do
  command -v "$tool" >/dev/null || { echo "side-by-side: $tool is not installed (apt-get install $tool)" >&2; exit 1; }
done
for still in "$@"; do
  [[ -f $still ]] || { echo "side-by-side: $still is not a file" >&2; exit 1; }
done

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# one hyperfine run: for each still, camlab's command then MTF Mapper's
cmds=()
names=()
i=0
for still in "$@"; do
  mkdir -p "$work/mtfm-$i"
  cmds+=("$(printf '%q ' "$camlab" analyze "$still" "${camlab_args[@]}")")
  names+=("camlab $i")
  # exit 4 is MTF Mapper's "No suitable target objects found": a finished run on a still without a chart
  cmds+=("$(printf '%q ' "$mtfm" "${mtfm_args[@]}" "$still" "$work/mtfm-$i") || [ \$? -eq 4 ]")
  names+=("mtfm $i")
  i=$((i + 1))
done
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
hyperfine_args=(--shell=bash --style none --warmup "$warmup" --runs "$runs" --export-json "$work/times.json"
  --command-name "java -version" "$(printf '%q' "$java") -version")
for ((k = 0; k < ${#cmds[@]}; k++)); do
  hyperfine_args+=(--command-name "${names[k]}" "${cmds[k]}")
done
hyperfine "${hyperfine_args[@]}" > "$work/hyperfine.log" 2>&1 || {
  echo "side-by-side: hyperfine failed (a command exited non-zero?):" >&2
  tail -20 "$work/hyperfine.log" >&2
  exit 1
}

median_ms() { jq -r --arg n "$1" '.results[] | select(.command == $n) | .median * 1000' "$work/times.json"; }
fmt() { awk -v v="$1" 'BEGIN { if (v == "" || v == "null") print "-"; else printf "%.0f", v }'; }

echo "camlab against MTF Mapper, $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //')"
echo "$("$java" -version 2>&1 | head -1); hyperfine $(hyperfine --version | cut -d' ' -f2): $warmup warm-up + $runs runs each, medians of whole-process wall time"
echo "load average before: $load_before, after: $(cut -d' ' -f1-3 /proc/loadavg) (other work on the machine slows both alike)"
echo "camlab:     $camlab analyze STILL ${camlab_args[*]} (at $(git -C "$repo" rev-parse --short HEAD 2>/dev/null || echo '?'))"
echo "java -version (the JVM's start alone): $(fmt "$(median_ms "java -version")") ms"
echo "MTF Mapper: $mtfm ${mtfm_args[*]} STILL OUTDIR"
echo
printf '%-34s %9s %10s %11s %7s  %11s  %13s  %13s\n' image size "camlab ms" "MTFM ms" ratio "camlab JVM" "camlab edges" "MTFM edges"
printf '%-34s %9s %10s %11s %7s  %11s  %13s  %13s\n' "" "" "" "" "cl/mtfm" "analysis ms" "n, MTF50" "n, MTF50"
i=0
for still in "$@"; do
  camlab_ms=$(median_ms "camlab $i")
  mtfm_ms=$(median_ms "mtfm $i")
  ratio=$(awk -v a="$camlab_ms" -v b="$mtfm_ms" 'BEGIN { printf "%.2f", a / b }')

  # untimed: camlab's own analysis figure and what each measured
  extra=()
  [[ " ${camlab_args[*]} " == *" --json "* ]] || extra+=(--json)
  [[ " ${camlab_args[*]} " == *" --verbose "* || " ${camlab_args[*]} " == *" -v "* ]] || extra+=(--verbose)
  : > "$work/jvm-ms"
  for ((r = 0; r < internal_runs; r++)); do
    "$camlab" analyze "$still" "${camlab_args[@]}" "${extra[@]}" > "$work/camlab.json" 2> "$work/camlab.err" || true
    { grep -o '[0-9.]* ms each' "$work/camlab.err" || true; } | head -1 | cut -d' ' -f1 >> "$work/jvm-ms"
  done
  jvm_ms=$(sort -g "$work/jvm-ms" | awk '{ v[NR] = $1 } END { if (NR) print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }')
  size=$(jq -r 'select(.schema != null) | "\(.source.width // "?")x\(.source.height // "?")"' "$work/camlab.json" 2>/dev/null | head -1)
  camlab_edges=$(jq -r 'select(.schema != null) | .resolution | "\(.edgesMeasured // 0) \(.mtf50 // "-")"' "$work/camlab.json" 2>/dev/null |
    awk 'NR == 1 { printf "%d, %s\n", $1, ($2 == "-") ? "-" : sprintf("%.3f", $2) }')
  rm -rf "$work/mtfm-$i" && mkdir -p "$work/mtfm-$i"
  "$mtfm" "${mtfm_args[@]}" "$still" "$work/mtfm-$i" > /dev/null 2>&1 || true
  mtfm_edges=$({ grep -hv '^#' "$work/mtfm-$i/edge_mtf_values.txt" 2>/dev/null || true; } | awk 'NF >= 4 && $4 != 1 { print $4 }' |
    sort -g | awk '{ v[NR] = $1 } END { if (NR == 0) { print "0, -"; exit } m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2; printf "%d, %.3f\n", NR, m }')

  label=$(basename "$still")
  printf '%-34s %9s %10s %11s %7s  %11s  %13s  %13s\n' "${label:0:34}" "${size:--}" "$(fmt "$camlab_ms")" "$(fmt "$mtfm_ms")" \
    "$ratio" "$(fmt "$jvm_ms")" "${camlab_edges:--}" "${mtfm_edges:--}"
  i=$((i + 1))
done

# many stills in one go: one camlab process against a loop of MTF Mapper processes
if [[ $batch -gt 0 ]]; then
  list=()
  for ((r = 0; r < batch; r++)); do list+=("$@"); done
  mkdir -p "$work/mtfm-batch"
  camlab_batch=$(printf '%q ' "$camlab" analyze "${list[@]}" "${camlab_args[@]}")
  mtfm_batch="for s in $(printf '%q ' "${list[@]}"); do $(printf '%q ' "$mtfm" "${mtfm_args[@]}") \"\$s\" $(printf '%q' "$work/mtfm-batch") > /dev/null || [ \$? -eq 4 ]; done"
  hyperfine --shell=bash --style none --warmup "$warmup" --runs 3 --export-json "$work/batch.json" \
    --command-name "camlab batch" "$camlab_batch" --command-name "mtfm batch" "$mtfm_batch" > "$work/batch.log" 2>&1 || {
    echo "side-by-side: the batch run failed:" >&2
    tail -20 "$work/batch.log" >&2
    exit 1
  }
  n=${#list[@]}
  camlab_total=$(jq -r '.results[] | select(.command == "camlab batch") | .median * 1000' "$work/batch.json")
  mtfm_total=$(jq -r '.results[] | select(.command == "mtfm batch") | .median * 1000' "$work/batch.json")
  echo
  echo "$n stills in one go (the stills above, each $batch times): camlab in one process, MTF Mapper one process per still"
  awk -v c="$camlab_total" -v m="$mtfm_total" -v n="$n" 'BEGIN {
    printf "camlab     %6.0f ms, %5.0f ms per still\n", c, c / n
    printf "MTF Mapper %6.0f ms, %5.0f ms per still\n", m, m / n
    printf "ratio camlab / MTF Mapper: %.2f\n", c / m }'
fi
