#!/usr/bin/env bash
# FFmpeg's own frame-quality filters on the frames the JMH benchmarks measure, one thread.
#
#   benchmarks/ffmpeg-baseline.sh [FRAMES]        (from anywhere; default 100 frames)
#   SIZE=2160p RUNS=5 benchmarks/ffmpeg-baseline.sh
#
# Input: benchmarks/target/frame-<SIZE>.yuv, the photo mosaic as raw yuv420p exactly as the JMH
# benchmarks see it (written by their setup, or here by org.camlab.bench.WriteFrames). The one
# frame is read FRAMES times (-stream_loop) and run through, one thread each
# (-threads 1 -filter_threads 1 -filter_complex_threads 1):
#   null                    decode only: reading the raw frames, the baseline subtracted below
#   signalstats             luma/chroma statistics (YUV min/max/avg, saturation, hue, ...)
#   blurdetect              FFmpeg's blur score (Marziliano-style edge width, luma only)
#   signalstats,blurdetect  both in one graph
# Each is run RUNS times (default 3); the median of ffmpeg -benchmark's rtime (wall) and utime
# (user CPU) is taken, and per-frame ms = (median - median of null) / FRAMES.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
target=$here/target
size=${SIZE:-1080p}
frames=${1:-${FRAMES:-100}}
runs=${RUNS:-3}

case $size in
  720p) dims=1280x720 ;;
  1080p) dims=1920x1080 ;;
  2160p) dims=3840x2160 ;;
  *) echo "ffmpeg-baseline: SIZE must be 720p, 1080p or 2160p, not '$size'" >&2; exit 2 ;;
esac
command -v ffmpeg >/dev/null || { echo "ffmpeg-baseline: ffmpeg is not installed (apt-get install ffmpeg)" >&2; exit 1; }

yuv=$target/frame-$size.yuv
if [[ ! -s $yuv ]]; then
  jar=$target/benchmarks.jar
  if [[ ! -f $jar ]]; then
    echo "ffmpeg-baseline: $yuv is missing and $jar is not built; build it first:" >&2
    echo "  mvn -B -q install -DskipTests && mvn -B -q -f benchmarks/pom.xml package" >&2
    exit 1
  fi
  echo "writing the benchmark frames (org.camlab.bench.WriteFrames) ..." >&2
  (cd "$here/.." && java -cp "$jar" org.camlab.bench.WriteFrames "$target" >/dev/null)
fi

filters=$(ffmpeg -hide_banner -filters 2>/dev/null | grep -E ' (signalstats|blurdetect) ' || true)
have() { grep -q " $1 " <<<"$filters"; }
graphs=(null)
if have signalstats; then graphs+=(signalstats); else echo "NOTE: this ffmpeg has no signalstats filter" ; fi
if have blurdetect; then
  graphs+=(blurdetect)
else
  echo "NOTE: this ffmpeg has no blurdetect filter (it came in FFmpeg 5.1; Debian 12's ffmpeg 5.1 has it)"
fi
if have signalstats && have blurdetect; then graphs+=("signalstats,blurdetect"); fi

# run GRAPH -> prints "rtime utime frames" of one run
run() {
  local err out
  err=$(mktemp)
  out=$(ffmpeg -hide_banner -nostdin -nostats -progress pipe:1 -benchmark \
          -filter_threads 1 -filter_complex_threads 1 -threads 1 \
          -stream_loop $((frames - 1)) -f rawvideo -pix_fmt yuv420p -s "$dims" -i "$yuv" \
          -vf "$1" -threads 1 -f null - 2>"$err") || { cat "$err" >&2; rm -f "$err"; return 1; }
  local bench n
  bench=$(grep -E '^bench: utime=' "$err" | tail -1)
  n=$(grep -E '^frame=' <<<"$out" | tail -1 | cut -d= -f2)
  rm -f "$err"
  sed -E 's/.*utime=([0-9.]+)s.*rtime=([0-9.]+)s.*/\2 \1/' <<<"$bench" | tr '\n' ' '
  echo "$n"
}

median() { sort -g | awk '{v[NR]=$1} END {print (NR%2) ? v[(NR+1)/2] : (v[NR/2]+v[NR/2+1])/2}'; }

echo "FFmpeg baseline: $(ffmpeg -version | head -1 | cut -d' ' -f1-3), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //'), $(nproc) cores"
echo "input: $yuv ($dims yuv420p), $frames frames, one thread, median of $runs runs"
echo

declare -A rt ut
for g in "${graphs[@]}"; do
  rts=() uts=()
  for ((i = 0; i < runs; i++)); do
    read -r r u n < <(run "$g")
    if [[ $n != "$frames" ]]; then
      echo "ffmpeg-baseline: $g processed $n frames, expected $frames" >&2
      exit 1
    fi
    rts+=("$r") uts+=("$u")
  done
  rt[$g]=$(printf '%s\n' "${rts[@]}" | median)
  ut[$g]=$(printf '%s\n' "${uts[@]}" | median)
done

printf '%-24s %12s %12s %18s %18s\n' "filter graph" "wall s" "user s" "wall ms/frame" "user ms/frame"
printf '%-24s %12s %12s %18s %18s\n' "" "(median)" "(median)" "(minus null)" "(minus null)"
for g in "${graphs[@]}"; do
  awk -v g="$g" -v r="${rt[$g]}" -v u="${ut[$g]}" -v r0="${rt[null]}" -v u0="${ut[null]}" -v n="$frames" \
    'BEGIN {
       if (g == "null") printf "%-24s %12.3f %12.3f %18s %18s\n", g " (decode only)", r, u, "-", "-";
       else printf "%-24s %12.3f %12.3f %18.2f %18.2f\n", g, r, u, (r - r0) * 1000 / n, (u - u0) * 1000 / n;
     }'
done
