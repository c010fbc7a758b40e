#!/usr/bin/env bash
# End-to-end wall times of the camlab command against decoding alone, and what a person waits for.
#
#   benchmarks/end-to-end.sh              (from anywhere; needs target/camlab.jar and
#                                          benchmarks/target/benchmarks.jar built)
#   RUNS=5 STILL_RUNS=20 benchmarks/end-to-end.sh
#
# Recording (generated once into benchmarks/target/, then reused): 60 s of 1080p30 H.264
# (libx264 -preset veryfast -crf 20, yuv420p, BT.709 limited range), a 1920x1080 window panning
# slowly over the 3840x2160 photo mosaic of the JMH benchmarks, so consecutive frames differ.
#
#   (a) decode only, with camlab's own grabber: org.camlab.bench.DecodeOnly (Sources.open, every
#       frame decoded and converted into a Frame, nothing else)
#   (b) bin/camlab analyze REC --no-progress            (default settings: faces, cadence auto)
#   (c) bin/camlab analyze REC --no-progress --every 1 --faces none   (every frame analysed)
#   -> (b)/(a): the engine issue's target is <= 1.25; (c)/(a) for what analysing every frame costs
#
#   (g) bin/camlab analyze REC-1h --every 10s: an hour of 1080p30 (the 60 s recording joined 60
#       times, stream copy)                                           target: <= 30 s
#
#   (d) bin/camlab analyze fixtures/real/astronaut.png (the launcher), and java -jar the same, and
#       on a 1080p JPEG of the mosaic (benchmarks/target/mosaic-1080p.jpg)  target: launcher <= 0.5 s
#   (e) java -version
#   (f) DecodeOnly on the 1080p JPEG (JVM start + ImageIO decode)
#   -> (d 1080p) / ((e) + (f))                                        target: <= 3
#
# Every time is a whole process's wall time, JVM start included: the median of RUNS runs
# (default 3) for (a)-(c) and of STILL_RUNS runs (default 10) for (d)-(f), by hyperfine when it
# is installed, else by /usr/bin/time -f %e. One untimed warm-up run precedes (a) and each of
# (d)-(f) (page cache, CDS archive); (b) and (c) follow (a) on a warm cache.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(dirname "$here")
target=$here/target
runs=${RUNS:-3}
still_runs=${STILL_RUNS:-10}
cd "$repo"

camlab_jar=target/camlab.jar
bench_jar=benchmarks/target/benchmarks.jar
for j in "$camlab_jar" "$bench_jar"; do
  if [[ ! -f $j ]]; then
    echo "end-to-end: $j is not built; from the repository root run:" >&2
    echo "  mvn -B -q install -DskipTests && mvn -B -q -f benchmarks/pom.xml package" >&2
    exit 1
  fi
done
command -v ffmpeg >/dev/null || { echo "end-to-end: ffmpeg is not installed (apt-get install ffmpeg)" >&2; exit 1; }
astronaut=fixtures/real/astronaut.png
[[ -f $astronaut ]] || { echo "end-to-end: $astronaut is missing: run scripts/fetch-real-data.sh" >&2; exit 1; }

still=$target/mosaic-1080p.jpg
mosaic=$target/mosaic-2160p.png
if [[ ! -s $still || ! -s $mosaic ]]; then
  echo "writing the mosaic frames (org.camlab.bench.WriteFrames) ..." >&2
  java -cp "$bench_jar" org.camlab.bench.WriteFrames "$target" >/dev/null
fi

recording=$target/recording-1080p30-60s.mp4
if [[ ! -s $recording ]]; then
  echo "generating $recording (once; about a minute) ..." >&2
  # The mosaic is decoded once and repeated by the loop filter; the crop window pans right over
  # the 60 s and swings up and down with a 20 s period.
  ffmpeg -hide_banner -nostdin -loglevel error -y -i "$mosaic" \
    -vf "loop=loop=1799:size=1:start=0,setpts=N/30/TB,crop=1920:1080:x='(iw-ow)*t/60':y='(ih-oh)*(0.5-0.5*cos(2*PI*t/20))',scale=out_color_matrix=bt709:out_range=tv,format=yuv420p" \
    -r 30 -frames:v 1800 -c:v libx264 -preset veryfast -crf 20 -pix_fmt yuv420p \
    -colorspace bt709 -color_primaries bt709 -color_trc bt709 -color_range tv -movflags +faststart -an \
    "$recording.tmp.mp4"
  mv "$recording.tmp.mp4" "$recording"
fi

if command -v hyperfine >/dev/null; then
  timer="hyperfine $(hyperfine --version | cut -d' ' -f2)"
else
  timer="/usr/bin/time -f %e (hyperfine is not installed)"
fi

# measure WARMUP RUNS CMD... -> prints the median wall time in seconds
measure() {
  local warmup=$1 n=$2
  shift 2
  if command -v hyperfine >/dev/null; then
    local json
    json=$(mktemp)
    hyperfine --style none --warmup "$warmup" --runs "$n" --export-json "$json" -- "$(printf '%q ' "$@")" >/dev/null
    jq -r '.results[0].median' "$json"
    rm -f "$json"
  else
    local t err times=()
    t=$(mktemp)
    err=$(mktemp)
    for ((i = 0; i < warmup + n; i++)); do
      if ! /usr/bin/time -f %e -o "$t" "$@" >/dev/null 2>"$err"; then
        echo "end-to-end: failed: $*" >&2
        cat "$err" >&2
        rm -f "$t" "$err"
        return 1
      fi
      ((i < warmup)) || times+=("$(tail -1 "$t")")
    done
    rm -f "$t" "$err"
    printf '%s\n' "${times[@]}" | sort -g | awk '{v[NR]=$1} END {print (NR%2) ? v[(NR+1)/2] : (v[NR/2]+v[NR/2+1])/2}'
  fi
}

ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", a / b}'; }

echo "camlab end to end: $(java -version 2>&1 | head -1), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //'), $(nproc) cores"
echo "timer: $timer; medians of $runs runs (recording) and $still_runs runs (stills), whole-process wall time"
detector=$(java -jar "$camlab_jar" analyze "$astronaut" --no-progress | grep -o 'faces: [^·]*' | head -1 || true)
echo "face detector on $astronaut: ${detector:-unknown}"
frames=$(ffprobe -v error -select_streams v:0 -count_packets -show_entries stream=nb_read_packets -of csv=p=0 "$recording")
echo "recording: $recording ($frames frames, 1920x1080, 30 fps, H.264)"
echo

launcher=bin/camlab
"$launcher" analyze "$astronaut" >/dev/null  # the first run after a build writes the CDS archive

decode=$(measure 1 "$runs" java -cp "$bench_jar" org.camlab.bench.DecodeOnly "$recording")
printf '(a) decode only (DecodeOnly)                     %8.2f s\n' "$decode"
defaults=$(measure 0 "$runs" "$launcher" analyze "$recording" --no-progress)
printf '(b) camlab analyze (defaults)                    %8.2f s   (b)/(a) = %s   (target <= 1.25)\n' "$defaults" "$(ratio "$defaults" "$decode")"
every=$(measure 0 "$runs" "$launcher" analyze "$recording" --no-progress --every 1 --faces none)
printf '(c) camlab analyze --every 1 --faces none        %8.2f s   (c)/(a) = %s\n' "$every" "$(ratio "$every" "$decode")"

hour=$target/recording-1080p30-1h.mp4
if [[ ! -s $hour ]]; then
  echo "joining $recording 60 times into $hour (stream copy) ..." >&2
  list=$(mktemp)
  for ((i = 0; i < 60; i++)); do echo "file '$recording'"; done > "$list"
  ffmpeg -hide_banner -nostdin -loglevel error -y -f concat -safe 0 -i "$list" -c copy "$hour.tmp.mp4"
  mv "$hour.tmp.mp4" "$hour"
  rm -f "$list"
fi
sampled=$(measure 0 1 "$launcher" analyze "$hour" --no-progress --every 10s)
printf '(g) camlab analyze 1 h 1080p30 --every 10s       %8.2f s   (target <= 30 s)\n' "$sampled"
echo

photo=$(measure 1 "$still_runs" "$launcher" analyze "$astronaut")
printf '(d) bin/camlab analyze astronaut.png (512x512)   %8.3f s   (target <= 0.5 s)\n' "$photo"
photojar=$(measure 1 "$still_runs" java -jar "$camlab_jar" analyze "$astronaut")
printf '(d) java -jar camlab.jar analyze astronaut.png   %8.3f s\n' "$photojar"
photo1080=$(measure 1 "$still_runs" "$launcher" analyze "$still")
printf '(d) camlab analyze mosaic-1080p.jpg              %8.3f s\n' "$photo1080"
jvm=$(measure 1 "$still_runs" java -version)
printf '(e) java -version                                %8.3f s\n' "$jvm"
jpeg=$(measure 1 "$still_runs" java -cp "$bench_jar" org.camlab.bench.DecodeOnly "$still")
printf '(f) DecodeOnly mosaic-1080p.jpg                  %8.3f s\n' "$jpeg"
printf '    (d 1080p) / ((e) + (f)) = %s   (target <= 3)\n' "$(ratio "$photo1080" "$(awk -v a="$jvm" -v b="$jpeg" 'BEGIN {print a + b}')")"
