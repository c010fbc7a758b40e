#!/bin/sh
# For a maintainer with a real laptop camera (Linux or macOS): checks in a few minutes what no test
# machine without a camera can. Run it from an unpacked distribution or an installed camlab:
#   scripts/camera-check.sh [CAMLAB]        (default: camlab on PATH)
# It writes every output into ./camera-check-DATE/ and says after each step what to look for; send
# that folder with the issue. Nothing leaves the machine otherwise; no picture is saved.
set -u
camlab=${1:-camlab}
out=camera-check-$(date +%Y%m%d-%H%M%S)
mkdir -p "$out"
step() { printf '\n== %s\n' "$1"; }
run() { # name, then the command: stdout and stderr kept, exit code shown
  name=$1; shift
  "$@" >"$out/$name.out" 2>"$out/$name.err"
  code=$?
  echo "exit $code" >"$out/$name.exit"
  sed -n '1,25p' "$out/$name.out"; sed -n '1,10p' "$out/$name.err"
  echo "(exit $code)"
}

step "1. version: the platform must be this machine's (linux-x86_64, macosx-arm64 or macosx-x86_64)"
run version "$camlab" --version

step "2. devices: every camera of this machine, by the name the system gives it, with real modes and rates"
echo "   Look for: the built-in camera as camera:0; modes up to its largest 16:9 size; 'camlab check asks for' a"
echo "   mode at 24 fps or more (MJPG on a USB camera at 1080p). On macOS the first run may show a permission prompt."
run devices "$camlab" devices --verbose

step "3. a 10-second live check (JSON): the camera opened in the mode step 2 named"
echo "   Look for: exit 0; source.width/height = that mode; temporal.fpsMeasured near its rate; no 'partial'."
run check "$camlab" check --duration 10s --json --verbose

step "4. unplug (USB camera only; skip with Ctrl-C): start the check, then UNPLUG the camera within 10 s"
printf '   Press Enter to start, or Ctrl-C to skip: '
read -r _ || exit 0
run unplug "$camlab" check --duration 30s
echo "   Look for: exit 3, the summary so far (partial), and one line 'the camera ... went away'."

step "5. camera in use: open the camera in another app (a meeting client), then press Enter"
read -r _ || exit 0
run busy "$camlab" check --duration 5s
echo "   Look for: exit 3 and one line saying another program has the camera (not a stack trace)."

if [ "$(uname -s)" = Darwin ]; then
  step "6. macOS permission: System Settings > Privacy & Security > Camera: turn this terminal OFF, then press Enter"
  read -r _ || exit 0
  run denied "$camlab" check --duration 5s
  echo "   Look for: exit 3 and one line naming System Settings > Privacy & Security > Camera. Turn it back on after."
fi
printf '\nAll outputs are in %s/\n' "$out"
