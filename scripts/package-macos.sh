#!/bin/sh
# Builds camlab's macOS installer, camlab-VERSION.dmg, on a Mac, from an unpacked camlab
# distribution for macOS (the macosx-arm64 zip on Apple silicon, macosx-x86_64 on Intel).
#
#   scripts/package-macos.sh [DIST_DIR [OUT_DIR]]
#
#   DIST_DIR  the unpacked distribution (camlab.jar, lib/, ...); default: the current directory
#   OUT_DIR   where the .dmg goes; default: DIST_DIR's parent directory
#
# Needs a JDK 17 or later (25 preferred), the same processor as the distribution, whose jlink and
# jpackage are in JAVA_HOME/bin or on PATH. It links a Java runtime of only the modules camlab
# uses, then jpackage makes camlab.app (that runtime, camlab.jar and lib/, the Info.plist of
# dist/macos with the camera's purpose) and the .dmg. In the installed app,
# /Applications/camlab.app/Contents/MacOS/camlab is the command line; opening the app runs
# "camlab check --gui --or-demo" (jpackage's default arguments, used only when none are given).
#
# Signing: without CAMLAB_MAC_SIGNING_KEY_USER_NAME the app is not signed with an identity, and
# Gatekeeper will ask before a first open on another Mac. With it (for example "Example Ltd
# (AB12CD34EF)", the part of a "Developer ID Application: ..." certificate in the keychain after
# the colon), jpackage signs with the hardened runtime and dist/macos/camlab.entitlements (the
# camera among them). Notarising the .dmg (xcrun notarytool) is a step after this one.
#
# Environment: JAVA_HOME (the JDK), CAMLAB_APP_VERSION (the version to give the package instead of
# the jar's), CAMLAB_MAC_SIGNING_KEY_USER_NAME (above).
set -eu

die() {
  echo "package-macos: $*" >&2
  exit 1
}

[ "$(uname -s)" = Darwin ] || die "jpackage makes a .dmg on macOS only, and this is $(uname -s)"

dist="${1:-.}"
[ -d "$dist" ] || die "$dist is not a directory: give the unpacked camlab distribution"
dist="$(cd "$dist" && pwd)"
out="${2:-$(dirname "$dist")}"
mkdir -p "$out" || die "cannot make $out"
out="$(cd "$out" && pwd)"
if [ ! -f "$dist/camlab.jar" ] || [ ! -d "$dist/lib" ]; then
  die "$dist has no camlab.jar and lib/: give the directory the camlab zip for macOS was unpacked in"
fi

# dist/macos of the repository (this script in scripts/), or macos/ beside this script or in the
# distribution, whichever has the Info.plist template
here="$(cd "$(dirname "$0")" && pwd)"
resources=""
for d in "$here/../dist/macos" "$here/macos" "$here/../macos" "$dist/macos"; do
  if [ -f "$d/Info.plist" ] && [ -f "$d/camlab.entitlements" ]; then
    resources="$(cd "$d" && pwd)"
    break
  fi
done
[ -n "$resources" ] || die "no Info.plist and camlab.entitlements (dist/macos of camlab's repository) beside $here"

# the JDK's tools: JAVA_HOME's, else PATH's
tool() {
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/$1" ]; then
    echo "$JAVA_HOME/bin/$1"
  else
    command -v "$1" 2>/dev/null || true
  fi
}
jpackage="$(tool jpackage)"
[ -n "$jpackage" ] || die "no jpackage: install a JDK 17 or later (25 preferred) and set JAVA_HOME to it, or put its bin on PATH"
jlink="$(tool jlink)"
[ -n "$jlink" ] || die "no jlink beside $jpackage: set JAVA_HOME to a full JDK 17 or later"
java="$(tool java)"
[ -n "$java" ] || die "no java beside $jpackage: set JAVA_HOME to a full JDK 17 or later"

jdk_version="$("$jlink" --version)"
feature="${jdk_version%%[.+-]*}"
case "$feature" in '' | *[!0-9]*) die "cannot read jlink's version from '$jdk_version'" ;; esac
[ "$feature" -ge 17 ] || die "jlink is version $jdk_version: jpackage here needs a JDK 17 or later (25 preferred)"

# the distribution's natives must be this JDK's processor's: the runtime is the JDK's
jdk_arch="$("$java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *os\.arch = //p' | head -n 1)"
case "$jdk_arch" in aarch64 | arm64) platform=macosx-arm64 ;; x86_64 | amd64) platform=macosx-x86_64 ;; *) platform="" ;; esac
[ -n "$platform" ] || die "cannot tell the JDK's processor (os.arch '$jdk_arch')"
if ! ls "$dist/lib/"*"-$platform.jar" >/dev/null 2>&1; then
  die "$dist holds no $platform native libraries and the JDK is $platform: unpack the camlab zip for $platform, or use a JDK for the distribution's processor"
fi

# version and main class from camlab.jar's manifest (72-byte lines, continued after a space)
manifest="$(unzip -p "$dist/camlab.jar" META-INF/MANIFEST.MF | tr -d '\r' \
  | awk '/^ / { line = line substr($0, 2); next } { if (NR > 1) print line; line = $0 } END { print line }')" \
  || die "cannot read META-INF/MANIFEST.MF in $dist/camlab.jar"
jar_version="$(printf '%s\n' "$manifest" | sed -n 's/^Implementation-Version: *//p' | head -n 1)"
main_class="$(printf '%s\n' "$manifest" | sed -n 's/^Main-Class: *//p' | head -n 1)"
[ -n "$main_class" ] || die "$dist/camlab.jar's manifest names no Main-Class"
version="${CAMLAB_APP_VERSION:-${jar_version%%-*}}"
case "$version" in
  '' | *[!0-9.]* | .* | *. | *..* | *.*.*.*)
    die "version '$version' (the jar's: '$jar_version') is not one to three numbers like 1.2.3: set CAMLAB_APP_VERSION" ;;
  0 | 0.* | 00*)
    die "version $version starts with 0, which macOS's CFBundleVersion forbids (jpackage refuses it): set CAMLAB_APP_VERSION, for example 1.0.0" ;;
esac

modules=java.base,java.desktop,java.sql,java.logging,java.management,java.naming,java.net.http,java.security.jgss,java.xml,jdk.unsupported,jdk.localedata,jdk.zipfs,jdk.charsets
if [ "$feature" -lt 22 ] && "$java" --list-modules | grep -q '^jdk\.crypto\.ec@'; then
  modules="$modules,jdk.crypto.ec"
fi
if [ "$feature" -ge 21 ]; then compress=--compress=zip-6; else compress=--compress=2; fi

work="$(mktemp -d "${TMPDIR:-/tmp}/camlab-package.XXXXXX")" || die "cannot make a temporary directory"
trap 'rm -rf "$work"' EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

echo "package-macos: camlab $version ($main_class) from $dist"
echo "package-macos: JDK $jdk_version ($platform): $jpackage"

# the app's files: the distribution less its launchers and any runtime of its own
mkdir "$work/input"
for f in "$dist"/*; do
  case "${f##*/}" in
    bin | runtime | scripts) ;;
    *) cp -R "$f" "$work/input/" ;;
  esac
done

echo "package-macos: linking a Java runtime: $modules"
"$jlink" --add-modules "$modules" --output "$work/runtime" \
  --strip-debug --no-man-pages --no-header-files "$compress" \
  || die "jlink failed (above)"

set -- --type dmg --name camlab --app-version "$version" \
  --vendor camlab --description "camlab: how you look on video calls, and what to change" \
  --input "$work/input" --main-jar camlab.jar --main-class "$main_class" \
  --runtime-image "$work/runtime" \
  --java-options -Dcamlab.launcher=jpackage --java-options --enable-native-access=ALL-UNNAMED \
  --arguments check --arguments --gui --arguments --or-demo \
  --mac-package-identifier org.camlab.camlab \
  --resource-dir "$resources" \
  --dest "$work/out"
if [ "$feature" -ge 24 ]; then
  set -- "$@" --java-options --sun-misc-unsafe-memory-access=allow
fi
if [ -n "${CAMLAB_MAC_SIGNING_KEY_USER_NAME:-}" ]; then
  set -- "$@" --mac-sign --mac-signing-key-user-name "$CAMLAB_MAC_SIGNING_KEY_USER_NAME" \
    --mac-entitlements "$resources/camlab.entitlements"
  echo "package-macos: signing as $CAMLAB_MAC_SIGNING_KEY_USER_NAME with $resources/camlab.entitlements"
else
  echo "package-macos: not signing (set CAMLAB_MAC_SIGNING_KEY_USER_NAME to sign)"
fi

echo "package-macos: building the .dmg (jpackage, a minute or two)"
"$jpackage" "$@" || die "jpackage failed (above)"

dmg=""
for f in "$work/out"/*.dmg; do
  [ -f "$f" ] && dmg="$f"
done
[ -n "$dmg" ] || die "jpackage made no .dmg in $work/out"
mv -f "$dmg" "$out/" || die "cannot move the .dmg to $out"
echo "package-macos: built $out/${dmg##*/}"
echo "package-macos: install it by opening it and dragging camlab to Applications; then run"
echo "  /Applications/camlab.app/Contents/MacOS/camlab check"
