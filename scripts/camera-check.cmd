@echo off
rem For a maintainer with a real Windows laptop camera: checks in a few minutes what no test machine
rem without a camera can. Run it in cmd or PowerShell from an unpacked distribution:
rem   scripts\camera-check.cmd [path\to\bin\camlab.cmd]   (default: camlab on PATH)
rem Every output goes into .\camera-check\; send that folder with the issue. No picture is saved.
setlocal
set "CAMLAB=%~1"
if "%CAMLAB%"=="" set "CAMLAB=camlab"
set "OUT=camera-check"
if not exist "%OUT%" mkdir "%OUT%"
echo == 1. version: the platform must be windows-x86_64
call "%CAMLAB%" --version > "%OUT%\version.out" 2> "%OUT%\version.err"
type "%OUT%\version.out" & type "%OUT%\version.err"
echo == 2. devices: each camera by its Windows name (two of one name: by their @device alternative names), real modes and rates
call "%CAMLAB%" devices --verbose > "%OUT%\devices.out" 2> "%OUT%\devices.err"
type "%OUT%\devices.out"
echo    Look for: modes above 640x480 (MJPG 1280x720 or 1920x1080 at 30 fps on most webcams), and the mode check asks for.
echo == 3. a 10-second live check (JSON)
call "%CAMLAB%" check --duration 10s --json --verbose > "%OUT%\check.out" 2> "%OUT%\check.err"
echo exit %ERRORLEVEL%
echo    Look for: exit 0; the JSON alone in check.out (nothing else printed into it); source.width/height = that mode.
echo == 4. the live view in this console: a 10 s check without --json (lines should update or scroll, no escape codes)
call "%CAMLAB%" check --duration 10s
echo == 5. unplug (USB camera only): press a key, then UNPLUG the camera within 10 s
pause
call "%CAMLAB%" check --duration 30s > "%OUT%\unplug.out" 2> "%OUT%\unplug.err"
echo exit %ERRORLEVEL% (expected 3, with one line saying the camera went away)
type "%OUT%\unplug.err"
echo All outputs are in %OUT%\
endlocal
