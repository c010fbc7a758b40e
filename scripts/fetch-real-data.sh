#!/usr/bin/env bash
# Fetch real images/videos for camlab's real-data tests into fixtures/real/.
#
# Source: two Debian packages (bookworm), fetched with `apt-get download` (no install):
#   python3-skimage  -> scikit-image sample data (usr/lib/python3/dist-packages/skimage/data)
#   opencv-doc       -> OpenCV sample data (usr/share/doc/opencv-doc/examples/data) and the
#                       tutorial images of the HTML docs (usr/share/doc/opencv-doc/opencv4/html)
# The face photographs were picked by eye from every image in both packages.
# Note: Debian's opencv-doc is repacked (+dfsg) without lena.jpg; it is optional here.
#
# Idempotent: does nothing when every required file is already in fixtures/real/.
# Needs: bash, apt-get, dpkg (a stock Debian as root). Writes fixtures/real/MANIFEST.tsv.
set -euo pipefail

SCRIPT_DIR="$(cd "$(dirname "$0")" && pwd)"
DEST="$(cd "$SCRIPT_DIR/.." && pwd)/fixtures/real"

SK=usr/lib/python3/dist-packages/skimage/data
OD=usr/share/doc/opencv-doc/examples/data
OH=usr/share/doc/opencv-doc/opencv4/html

# package | path inside the package | name in fixtures/real | required(1)/optional(0) | description
ENTRIES=(
  "python3-skimage|$SK/astronaut.png|astronaut.png|1|512x512 RGB; one face (Eileen Collins), light skin, frontal, bright"
  "python3-skimage|$SK/camera.png|camera.png|1|512x512 gray; cameraman, small face in 3/4 view behind a camera"
  "python3-skimage|$SK/coffee.png|coffee.png|1|600x400 RGB; coffee cup, no face"
  "python3-skimage|$SK/chelsea.png|chelsea.png|0|451x300 RGB; cat, no human face"
  "opencv-doc|$OD/messi5.jpg|messi5.jpg|1|548x342 RGB; footballer, one small face (~25 px), medium-light skin"
  "opencv-doc|$OD/lena.jpg|lena.jpg|0|not shipped by Debian (dfsg); optional"
  "opencv-doc|$OD/vtest.avi|vtest.avi|1|768x576 MS-MPEG4v3 (DIV3) AVI, 10 fps, 795 frames (79.5 s); pedestrians, tiny faces"
  "opencv-doc|$OD/building.jpg|building.jpg|1|868x600; building facade, many straight window and wall edges (straight-edge finder: floor)"
  "opencv-doc|$OD/home.jpg|home.jpg|1|512x384; ornate palace towers against a blue sky, birds; few long clean edges"
  "opencv-doc|$OD/box_in_scene.png|box_in_scene.png|1|512x384 gray; boxes on a cluttered table"
  "opencv-doc|$OD/board.jpg|board.jpg|1|640x480; circuit board: chips, pins, traces (clutter: edges close together)"
  "opencv-doc|$OD/leuvenA.jpg|leuvenA.jpg|1|751x563; brick houses and gables in a Leuven street, grey sky"
  "opencv-doc|$OD/aero1.jpg|aero1.jpg|1|640x480; hazy aerial photograph of a town, no clean long edges"
  "opencv-doc|$OD/left01.jpg|left01.jpg|1|640x480 gray; chessboard calibration target held in a room"
  "opencv-doc|$OD/baboon.jpg|baboon.jpg|1|512x512; baboon face, fur texture (straight-edge finder: ceiling)"
  "opencv-doc|$OD/fruits.jpg|fruits.jpg|1|512x480; fruits, round contours (ceiling)"
  "opencv-doc|$OD/orange.jpg|orange.jpg|1|512x512; an orange, round contour (straight-edge finder: ceiling)"
  "opencv-doc|$OD/ellipses.jpg|ellipses.jpg|1|400x533; noisy grey ellipses on black, ragged borders (ceiling)"
  "opencv-doc|$OD/notes.png|notes.png|1|1024x134; music notes: thin staff lines, small blobs (ceiling)"
  "opencv-doc|$OD/imageTextN.png|imageTextN.png|1|556x257; printed text (ceiling)"
  "opencv-doc|$OH/227943776_1.jpg|face_portrait_man_white_bg.jpg|1|434x434; head-and-shoulders, smiling man, light skin, bright white background"
  "opencv-doc|$OH/230501201_1.jpg|face_portrait_man_outdoor.jpg|1|584x824; portrait, man, light skin, outdoor, blurred green background"
  "opencv-doc|$OH/face_swapped.jpg|face_portrait_man_goatee.jpg|1|320x320; portrait (face-swap demo output, looks natural), light skin, white background"
  "opencv-doc|$OH/meanshift_face.gif|face_portrait_woman_lowkey.gif|1|212x283 animated GIF (frame 0; OpenCV imread cannot read GIF, Java ImageIO can); dim low-key portrait, light skin, dark background, caption over the body"
  "opencv-doc|$OH/Cascade_Classifier_Tutorial_Result_Haar.jpg|face_webcam_woman_indoor_overlay.jpg|1|642x508 webcam screenshot; woman, medium/tan skin, indoor; drawn circles on face and eyes"
  "opencv-doc|$OH/Cascade_Classifier_Tutorial_Result_LBP.jpg|face_webcam_woman_dim_overlay.jpg|1|642x508 webcam screenshot; same woman, dim indoor, face at right; drawn circles on face and eyes"
  "opencv-doc|$OH/lbp_yale.jpg|face_yale_4_illuminations.jpg|1|664x380 gray; top row: one East-Asian face under 4 lightings, the last very dark; bottom row: LBP maps"
  "opencv-doc|$OH/facereg.jpg|face_grid4_landmarks.jpg|1|200x200; 2x2 faces, two dark-skinned, two light-skinned; yellow landmark dots drawn"
  "opencv-doc|$OH/2.jpg|face_grid24_landmarks.jpg|1|730x276; 3x8 face crops, mostly light, some tan/gray; white landmark dots drawn"
  "opencv-doc|$OH/3.jpg|face_grid12_landmarks.jpg|1|415x139; 2x6 face crops incl. a dark-skinned man; green landmarks drawn"
  "opencv-doc|$OH/Template_Matching_Original_Image.jpg|face_two_men_glider_gray.jpg|1|300x240 gray; two smiling men in a glider cockpit, small faces"
  "opencv-doc|$OH/example.jpg|face_man_glasses_triptych.jpg|1|1162x580; 3 panels of one frontal man with glasses, light skin; middle panel has drawn overlay"
  "opencv-doc|$OH/05.jpg|face_woman_dim_warm_triptych.jpg|1|1616x512; left third is the photo: woman, dim warm light, light skin; other panels are edge maps; yellow captions"
  "opencv-doc|$OH/06.jpg|face_woman_lowkey_triptych.jpg|1|1616x512; left third: woman close-up, low-key light, light skin; other panels edge maps; yellow captions"
  "opencv-doc|$OH/12.jpg|face_woman_blonde_triptych.jpg|1|1616x512; left third: blonde woman, soft even light, light skin; other panels edge maps; yellow captions"
)

all_present() {
  local e pkg src name req desc
  for e in "${ENTRIES[@]}"; do
    IFS='|' read -r pkg src name req desc <<<"$e"
    if [ "$req" = 1 ] && [ ! -s "$DEST/$name" ]; then
      return 1
    fi
  done
  return 0
}

if all_present; then
  echo "fetch-real-data: all files already in $DEST; nothing to do"
  exit 0
fi

TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT
# Let apt's sandbox user write the .debs (avoids the "unsandboxed" warning).
if id _apt >/dev/null 2>&1; then chown _apt "$TMP" 2>/dev/null || true; fi

PKGS=(python3-skimage opencv-doc)
cd "$TMP"
# apt's own cache, when it holds the packages, spares the download
for p in "${PKGS[@]}"; do
  cp /var/cache/apt/archives/"${p}"_*.deb "$TMP"/ 2>/dev/null || true
done
if ls "$TMP"/python3-skimage_*.deb "$TMP"/opencv-doc_*.deb >/dev/null 2>&1; then
  :
elif ! apt-get download "${PKGS[@]}"; then
  echo "fetch-real-data: apt-get download failed; running apt-get update and retrying"
  apt-get update
  apt-get download "${PKGS[@]}"
fi

declare -A ROOT
for p in "${PKGS[@]}"; do
  debs=("$TMP"/"${p}"_*.deb)
  deb="${debs[0]}"
  mkdir -p "$TMP/x/$p"
  dpkg -x "$deb" "$TMP/x/$p"
  ROOT[$p]="$TMP/x/$p"
done

mkdir -p "$DEST"
manifest="$DEST/MANIFEST.tsv"
printf 'file\tbytes\tpackage\tsource\tdescription\n' >"$manifest.tmp"
missing_required=0
echo "fetch-real-data: copying into $DEST"
for e in "${ENTRIES[@]}"; do
  IFS='|' read -r pkg src name req desc <<<"$e"
  from="${ROOT[$pkg]}/$src"
  if [ -f "$from" ]; then
    cp "$from" "$DEST/$name.part"
    mv "$DEST/$name.part" "$DEST/$name"
    bytes="$(stat -c %s "$DEST/$name")"
    printf '%s\t%s\t%s\t%s\t%s\n' "$name" "$bytes" "$pkg" "/$src" "$desc" >>"$manifest.tmp"
    printf '  %-42s %9s bytes  %s\n' "$name" "$bytes" "$desc"
  elif [ "$req" = 1 ]; then
    echo "  MISSING (required): /$src from $pkg" >&2
    missing_required=1
  else
    echo "  skipped (not in $pkg): /$src"
  fi
done
mv "$manifest.tmp" "$manifest"

if [ "$missing_required" = 1 ]; then
  echo "fetch-real-data: some required files were not found in the packages" >&2
  exit 1
fi
echo "fetch-real-data: done; list in $manifest"
