#!/usr/bin/env bash
# Turns a JMH JSON result (java -jar benchmarks/target/benchmarks.jar -rf json -rff FILE) into the
# Markdown table of benchmarks/RESULTS.md and the ratios the issue's targets are stated in.
#
#   benchmarks/jmh-summary.sh [benchmarks/target/jmh-result.json]
#
# median = median of all measurement iterations (each one an average time per op); mean ± error
# is JMH's own score and 99.9 % confidence half-width. Needs jq.
set -euo pipefail
json=${1:-$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/target/jmh-result.json}
command -v jq >/dev/null || { echo "jmh-summary: needs jq (apt-get install jq)" >&2; exit 1; }
[[ -s $json ]] || { echo "jmh-summary: no result file $json" >&2; exit 1; }

jq -r '
  def median: sort | if length % 2 == 1 then .[(length - 1) / 2] else (.[length / 2 - 1] + .[length / 2]) / 2 end;
  def f: if type == "number" then (. * 1000 | round / 1000 | tostring) else tostring end;
  "| benchmark | size | threads | median | mean ± error | unit | iterations |",
  "| --- | --- | --- | ---: | ---: | --- | ---: |",
  (.[] | "| \(.benchmark | sub("^org\\.camlab\\.bench\\."; "")) | \(.params.size // "-") | \(.params.threads // (.threads | tostring)) | \(.primaryMetric.rawData | flatten | median | f) | \(.primaryMetric.score | f) ± \(.primaryMetric.scoreError | f) | \(.primaryMetric.scoreUnit) | \(.primaryMetric.rawData | flatten | length) |")
' "$json"

echo
jq -r '
  def median: sort | if length % 2 == 1 then .[(length - 1) / 2] else (.[length / 2 - 1] + .[length / 2]) / 2 end;
  def m(name; size; threads):
    [.[] | select(.benchmark | endswith(name)) | select(.params.size == size)
         | select(threads == null or .params.threads == threads)
         | .primaryMetric.rawData | flatten | median] | first;
  def r(a; b): if a == null or b == null then "n/a (not in this run)" else ((a / b * 100 | round) / 100 | tostring) end;
  . as $all |
  "Ratios (medians; target in brackets):",
  "- analyze 1080p / readPass 1080p: \(r($all | m("CoreBenchmark.analyze"; "1080p"; null); $all | m("ReadPassBenchmark.readPass"; "1080p"; null))) [<= 4]",
  "- OpenCV laplacianVariance 1080p / analyze 1080p: \(r($all | m("OpenCvBaselineBenchmark.laplacianVariance"; "1080p"; null); $all | m("CoreBenchmark.analyze"; "1080p"; null))) [> 1]",
  "- OpenCV multiPass 1080p / analyze 1080p: \(r($all | m("OpenCvBaselineBenchmark.multiPass"; "1080p"; null); $all | m("CoreBenchmark.analyze"; "1080p"; null))) [>= 4]",
  "- analyze 2160p / analyze 1080p: \(r($all | m("CoreBenchmark.analyze"; "2160p"; null); $all | m("CoreBenchmark.analyze"; "1080p"; null))) [<= 4.3; pixels 4.0]",
  "- analyze 1080p / analyze 720p: \(r($all | m("CoreBenchmark.analyze"; "1080p"; null); $all | m("CoreBenchmark.analyze"; "720p"; null))) [pixels 2.25]",
  "- ThreadsBenchmark.analyze 1080p, threads 1 / threads 2: \(r($all | m("ThreadsBenchmark.analyze"; "1080p"; "1"); $all | m("ThreadsBenchmark.analyze"; "1080p"; "2"))) [>= 1.7]",
  "- analyze 1080p median: \($all | m("CoreBenchmark.analyze"; "1080p"; null) | if . == null then "n/a" else ((. * 1000 | round) / 1000 | tostring) + " ms" end) [<= 2.0 ms]",
  "- FFmpeg signalstats+blurdetect per frame / analyze 1080p: divide the ffmpeg-baseline.sh figure by the median above [>= 15]"
' "$json"
