#!/bin/sh
# Start-up people feel: a 512x512 still answered through the installed command, beside `java -version`
# in the same run, and each lever on its own (benchmarks/RESULTS.md, "Start-up of the installed command").
#
#   mvn -B -q package -P dist -DskipTests && sudo dpkg -i target/dist/camlab_*_amd64.deb
#   benchmarks/startup.sh [STILL]          (default: fixtures/real/astronaut.png)
#
# Needs hyperfine (Debian) and the .deb installed (/opt/camlab). Every figure is the median of 10
# runs after 2 warm-ups (the natives unpacked, the page cache warm), hyperfine -N (no shell).
# Rows:
#   java -version                  the system's Java 17, the floor of any Java command
#   bundled java -version          the package's jlink'd runtime
#   camlab (installed)             /usr/bin/camlab: bundled runtime + AOT cache + C1 for stills
#   without the AOT cache                the same java command without -XX:AOTCache
#   without C1 only                      with the AOT cache, both compilers
#   tar.gz with Java 17            the linux-x86_64 distribution on the system's Java 17 (its CDS archive)
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
still=${1:-$here/fixtures/real/astronaut.png}
[ -f "$still" ] || { echo "startup: no still at $still (scripts/fetch-real-data.sh)" >&2; exit 2; }
[ -x /opt/camlab/bin/camlab ] || { echo "startup: the .deb is not installed (see the header)" >&2; exit 2; }
command -v hyperfine >/dev/null || { echo "startup: hyperfine is not installed (apt-get install hyperfine)" >&2; exit 2; }
version=$(sed -n 's/.*<version>\(.*\)<\/version>.*/\1/p' "$here/pom.xml" | head -n 1)
tgz=$here/target/dist/camlab-$version-linux-x86_64.tar.gz
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
tar -xzf "$tgz" -C "$work"
cache=$work/cache
mkdir -p "$cache"
rt=/opt/camlab/runtime/bin/java
jar=/opt/camlab/camlab.jar
base="--sun-misc-unsafe-memory-access=allow"
export XDG_CACHE_HOME="$cache"
hyperfine -N -w 2 -r 10 --export-json "$work/startup.json" \
  -n 'java -version' 'java -version' \
  -n 'bundled java -version' "$rt -version" \
  -n 'camlab (installed)' "/usr/bin/camlab analyze $still" \
  -n 'without the AOT cache' "$rt $base -XX:TieredStopAtLevel=1 -jar $jar analyze $still" \
  -n 'without C1 only' "$rt $base -XX:AOTCache=/opt/camlab/lib/camlab.aot -Xlog:aot=off -Xlog:cds=off -jar $jar analyze $still" \
  -n 'tar.gz with Java 17' "$work/camlab-$version/bin/camlab analyze $still" >&2
python3 - "$work/startup.json" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))["results"]
floor = r[0]["median"]
print("| launch | median | ratio to java -version |")
print("| --- | ---: | ---: |")
for x in r:
    print(f"| {x['command']} | {x['median']*1000:.0f} ms | {x['median']/floor:.1f}x |")
PY
