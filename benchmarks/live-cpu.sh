#!/usr/bin/env bash
# What the live check costs beside capture: process CPU time of `camlab check` on a 1080p30
# recording replayed at its real pace (the virtual camera), against a capture-only run of the same
# recording for the same time (org.camlab.bench.PacedCaptureOnly: every frame decoded at its pace,
# nothing analysed). The issue's target: at most 15 % of one core beyond capture and decoding.
#
#   benchmarks/live-cpu.sh            (needs target/camlab.jar and benchmarks/target/benchmarks.jar;
#                                      the recording is end-to-end.sh's, generated there once)
#   SECONDS_RUN=60 RUNS=3 benchmarks/live-cpu.sh
#
# Each figure is the median over RUNS runs of (user + sys) / wall of the whole process, JVM start
# included (both sides pay it), as /usr/bin/time reports them.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(dirname "$here")
cd "$repo"
secs=${SECONDS_RUN:-30}
runs=${RUNS:-3}
rec=$here/target/recording-1080p30-60s.mp4
[ -f "$rec" ] || { echo "live-cpu: $rec missing: run benchmarks/end-to-end.sh once first" >&2; exit 1; }
bench=$here/target/benchmarks.jar

measure() { # prints "wall cpu" of one run of the command
  /usr/bin/time -f "%e %U %S" -o /tmp/live-cpu.$$ "$@" >/dev/null 2>/dev/null
  awk '{printf "%.2f %.2f\n", $1, $2 + $3}' /tmp/live-cpu.$$
}
median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }

run_set() { # label, command...: prints label, median wall, median cores
  local label=$1; shift
  local walls=() cores=()
  for _ in $(seq "$runs"); do
    read -r wall cpu < <(measure "$@")
    walls+=("$wall"); cores+=("$(awk -v c="$cpu" -v w="$wall" 'BEGIN {printf "%.3f", c / w}')")
  done
  printf '%s %s %s\n' "$label" "$(printf '%s\n' "${walls[@]}" | median)" "$(printf '%s\n' "${cores[@]}" | median)"
}

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); $(java -version 2>&1 | head -1)"
echo "recording: $rec, $secs s replayed at 30 fps; medians of $runs runs; cores = (user + sys) / wall"
base=$(run_set capture java -cp "$bench" org.camlab.bench.PacedCaptureOnly "$rec" "$secs")
faces=$(run_set check bin/camlab check "$rec" --loop --duration "${secs}s" --no-view)
nofaces=$(run_set check-nofaces bin/camlab check "$rec" --loop --duration "${secs}s" --no-view --faces none)
for line in "$base" "$faces" "$nofaces"; do
  read -r label wall cores <<<"$line"
  read -r _ _ bcores <<<"$base"
  printf '%-40s wall %6.2f s   %.3f cores   beyond capture: %+.1f %% of one core\n' \
    "$label" "$wall" "$cores" "$(awk -v a="$cores" -v b="$bcores" 'BEGIN {print 100 * (a - b)}')"
done
rm -f /tmp/live-cpu.$$
