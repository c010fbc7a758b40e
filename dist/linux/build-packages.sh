#!/bin/sh
# Builds the Linux app-image (the linux-x86_64 distribution with a Java runtime of its own and that
# runtime's ahead-of-time cache of camlab) and the .deb that installs it, from the tar.gz the Maven
# build has just made. Run by `mvn package -P dist`; args: TARGET_DIR VERSION [JDK].
#
# The runtime is jlink'd from the newest JDK found (Temurin 25 here: camlab is compiled for 17 and runs
# on it; its AOT cache is what brings a still's answer under half a second, benchmarks/RESULTS.md). Set
# CAMLAB_DIST_JDK to choose another JDK.
#
# Not jpackage for Linux: its native launcher takes one fixed set of JVM options, while the command
# starts a still with the client compiler alone and a live check with both (605 against 413 ms for a
# still, measured), and jpackage's .deb puts nothing on PATH. The launcher is the distributions' own
# POSIX bin/camlab; the .deb is built by dpkg-deb. (scripts/package-*.* use jpackage for .msi and .dmg.)
set -eu

target=$1
version=$2
maven_jdk=${3:-}
here=$(cd "$(dirname "$0")" && pwd)
out=$target/dist
tarball=$out/camlab-$version-linux-x86_64.tar.gz
work=$target/linux-package
app=$work/camlab

# the JDK to take the runtime from: newest of CAMLAB_DIST_JDK, /usr/lib/jvm/*, the JDK running Maven
jdk=${CAMLAB_DIST_JDK:-}
if [ -z "$jdk" ]; then
  best=0
  for d in /usr/lib/jvm/* "$maven_jdk"; do
    [ -x "$d/bin/jlink" ] && [ -f "$d/release" ] || continue
    v=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$d/release")
    if [ -n "$v" ] && [ "$v" -gt "$best" ]; then best=$v; jdk=$d; fi
  done
fi
if [ -z "$jdk" ] || [ ! -x "$jdk/bin/jlink" ]; then
  echo "build-packages: no JDK with jlink found (set CAMLAB_DIST_JDK)" >&2
  exit 1
fi
feature=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$jdk/release")
echo "build-packages: runtime from $jdk (Java $feature)"

rm -rf "$work"
mkdir -p "$work"
tar -xzf "$tarball" -C "$work"
mv "$work/camlab-$version" "$app"

# the modules camlab uses (jdeps over camlab.jar and lib/, plus what is loaded by name: locale data for
# the Chinese words, charsets, zipfs, TLS and Kerberos for PostgreSQL)
modules=java.base,java.desktop,java.sql,java.logging,java.management,java.naming,java.net.http,java.security.jgss,java.xml,jdk.unsupported,jdk.localedata,jdk.zipfs,jdk.charsets
if "$jdk/bin/java" --list-modules 2>/dev/null | grep -q '^jdk.crypto.ec@'; then modules=$modules,jdk.crypto.ec; fi
compress=--compress=2
[ "$feature" -ge 21 ] && compress=--compress=zip-6
"$jdk/bin/jlink" --add-modules "$modules" --output "$app/runtime" --strip-debug --no-man-pages --no-header-files $compress \
  --generate-cds-archive

# the ahead-of-time cache (JDK 24+): a training run of the bundled runtime over a still and a recording,
# with the options bin/camlab starts it with; caches and natives of the run stay in $work
if [ "$feature" -ge 25 ]; then
  "$jdk/bin/java" "$here/TrainingStill.java" "$work/still.png"
  CAMLAB_CACHE=$work/cache "$app/bin/camlab" demo --out "$work/demo.mp4" --seconds 1 >/dev/null
  (cd "$work" && CAMLAB_CACHE=$work/cache "$app/runtime/bin/java" --sun-misc-unsafe-memory-access=allow \
    -XX:AOTCacheOutput="$app/lib/camlab.aot" -Xlog:aot=error -Xlog:cds=error \
    -jar "$app/camlab.jar" analyze "$work/still.png" "$work/demo.mp4" >/dev/null)
  echo "build-packages: AOT cache $(du -h "$app/lib/camlab.aot" | cut -f1)"
else
  echo "build-packages: Java $feature has no AOT cache; the package starts without one"
fi
tar -czf "$out/camlab-$version-linux-x86_64-app.tar.gz" -C "$work" camlab

# the .deb: /opt/camlab, the command on PATH, the desktop entry, the survey's service unit (enabled by
# no one until a configuration is written: see survey.conf.example); all of it in the package's file list,
# so removing the package removes all of it (and nothing camlab wrote in a user's cache)
deb=$work/deb
debversion=$(echo "$version" | sed 's/-/~/')
mkdir -p "$deb/DEBIAN" "$deb/opt" "$deb/usr/bin" "$deb/usr/share/applications" "$deb/usr/share/doc/camlab" \
  "$deb/usr/lib/systemd/system"
cp -a "$app" "$deb/opt/camlab"
ln -s /opt/camlab/bin/camlab "$deb/usr/bin/camlab"
install -m 0644 "$here/camlab-check.desktop" "$deb/usr/share/applications/camlab-check.desktop"
install -m 0644 "$here/camlab-survey@.service" "$deb/usr/lib/systemd/system/camlab-survey@.service"
install -m 0644 "$here/survey.conf.example" "$deb/usr/share/doc/camlab/survey.conf.example"
cat >"$deb/usr/share/doc/camlab/copyright" <<COPYRIGHT
camlab $version, with a Java runtime and third-party libraries whose licences are listed in
/opt/camlab/legal/NOTICE.md (the runtime's own in /opt/camlab/runtime/legal/).
COPYRIGHT
size=$(du -sk "$deb/opt" | cut -f1)
cat >"$deb/DEBIAN/control" <<CONTROL
Package: camlab
Version: $debversion
Architecture: amd64
Maintainer: camlab maintainers <camlab@users.noreply.invalid>
Installed-Size: $size
Depends: libc6, libfreetype6, libfontconfig1
Recommends: libx11-6, libxext6, libxrender1, libxtst6, libxi6, libv4l-0
Section: video
Priority: optional
Description: video-call camera quality check
 camlab looks through a webcam, a meeting-room camera, a recording or a still,
 measures what makes people look bad on a video call (a window behind them, a dim
 room, a soft lens, a low frame rate) and says in plain words what to change.
 It carries its own Java runtime.
CONTROL
find "$deb" -type d -exec chmod 0755 {} +
dpkg-deb --build --root-owner-group -Zgzip "$deb" "$out/camlab_${debversion}_amd64.deb" >/dev/null
echo "build-packages: $out/camlab_${debversion}_amd64.deb ($(du -h "$out/camlab_${debversion}_amd64.deb" | cut -f1))"
