@echo off
rem Builds camlab's Windows installer, camlab-VERSION.msi, on Windows, from the unpacked camlab
rem distribution for Windows (the windows-x86_64 zip).
rem
rem   scripts\package-windows.cmd [DIST_DIR [OUT_DIR]]
rem
rem   DIST_DIR  the unpacked distribution (camlab.jar, lib\, ...); default: the current directory
rem   OUT_DIR   where the .msi goes; default: DIST_DIR's parent directory
rem
rem Needs a JDK 17 or later (25 preferred) whose jlink and jpackage are in JAVA_HOME\bin or on
rem PATH, and the WiX Toolset, which jpackage uses to make an .msi: WiX 3 (candle.exe and
rem light.exe on PATH, or installed in Program Files (x86)\WiX Toolset v3.x), or with a JDK 24 or
rem later also WiX 4 or 5 (wix.exe on PATH, with its Util and UI extensions added).
rem
rem It links a Java runtime of only the modules camlab uses, then jpackage makes the .msi:
rem camlab.exe (the command line, a console program) and camlab-check.exe (the live check in a
rem window, "check --gui --or-demo", no console) with Start menu and desktop shortcuts, that
rem runtime, camlab.jar and lib\. The installer asks for the directory; uninstalling removes it.
rem The .msi is not signed (signtool is a step after this one).
rem
rem Environment: JAVA_HOME (the JDK), CAMLAB_APP_VERSION (the version to give the package instead
rem of the jar's).
setlocal EnableExtensions DisableDelayedExpansion
set "ERRORLEVEL="
set "_work="

rem ---- the distribution, and where the .msi goes
set "_dist=%~1"
if not defined _dist set "_dist=%CD%"
for %%I in ("%_dist%") do set "_dist=%%~fI"
if "%_dist:~-1%" == "\" set "_dist=%_dist:~0,-1%"
if not exist "%_dist%\camlab.jar" goto :no_dist
if not exist "%_dist%\lib\" goto :no_dist
if not exist "%_dist%\lib\*-windows-x86_64.jar" goto :not_windows
set "_out=%~2"
if not defined _out for %%I in ("%_dist%\..") do set "_out=%%~fI"
if not exist "%_out%\" mkdir "%_out%" 2>nul
if not exist "%_out%\" goto :no_out
for %%I in ("%_out%") do set "_out=%%~fI"
if "%_out:~-1%" == "\" set "_out=%_out:~0,-1%"

rem ---- the JDK: JAVA_HOME's, else the one whose jpackage is on PATH
set "_jdkbin="
if not defined JAVA_HOME goto :jdk_from_path
set "_jh=%JAVA_HOME:"=%"
if not defined _jh goto :jdk_from_path
if "%_jh:~-1%" == "\" set "_jh=%_jh:~0,-1%"
if exist "%_jh%\bin\jpackage.exe" set "_jdkbin=%_jh%\bin"
:jdk_from_path
if defined _jdkbin goto :jdk_found
set "_jp="
for %%X in (jpackage.exe) do set "_jp=%%~$PATH:X"
if not defined _jp goto :no_jpackage
for %%X in ("%_jp%") do set "_jdkbin=%%~dpX"
set "_jdkbin=%_jdkbin:~0,-1%"
:jdk_found
if not exist "%_jdkbin%\jlink.exe" goto :no_jlink
if not exist "%_jdkbin%\java.exe" goto :no_jlink
if not exist "%_jdkbin%\jar.exe" goto :no_jlink

rem ---- a work directory, removed at the end. The JDK's tools read their command line in the ANSI
rem code page, so they get the 8.3 names of these paths (ASCII where the volume makes them).
set "_work=%TEMP%\camlab-package-%RANDOM%%RANDOM%"
mkdir "%_work%\manifest" 2>nul
if not exist "%_work%\manifest\" goto :no_work
for %%I in ("%_work%") do set "_work=%%~sI"
for %%I in ("%_dist%\camlab.jar") do set "_jar=%%~sI"

rem ---- the JDK's version (through a file: a for /f command would have to quote the JDK's path)
"%_jdkbin%\jlink.exe" --version > "%_work%\version.txt" 2>nul
set "_jdkversion="
for /f "usebackq delims=" %%v in ("%_work%\version.txt") do if not defined _jdkversion set "_jdkversion=%%v"
set "_feature="
for /f "tokens=1 delims=.+-" %%v in ("%_jdkversion%") do set "_feature=%%v"
call :is_number "%_feature%"
if not defined _number goto :bad_jdk
if %_feature% LSS 17 goto :old_jdk

rem ---- the WiX Toolset
set "_wix="
for %%X in (candle.exe) do set "_wix=%%~$PATH:X"
if defined _wix goto :wix_found
if %_feature% GEQ 24 for %%X in (wix.exe) do set "_wix=%%~$PATH:X"
if defined _wix goto :wix_found
for /d %%D in ("%ProgramFiles(x86)%\WiX Toolset v3*" "%ProgramFiles%\WiX Toolset v3*") do if exist "%%~D\bin\candle.exe" set "_wix=%%~D\bin\candle.exe"
if defined _wix goto :wix_found
goto :no_wix
:wix_found

rem ---- version and main class from camlab.jar's manifest
pushd "%_work%\manifest"
"%_jdkbin%\jar.exe" xf "%_jar%" META-INF/MANIFEST.MF
popd
if not exist "%_work%\manifest\META-INF\MANIFEST.MF" goto :no_manifest
set "_jarversion="
set "_main="
for /f "usebackq tokens=1,* delims=: " %%a in ("%_work%\manifest\META-INF\MANIFEST.MF") do (
  if "%%a" == "Implementation-Version" set "_jarversion=%%b"
  if "%%a" == "Main-Class" set "_main=%%b"
)
if not defined _main goto :no_manifest
set "_version=%CAMLAB_APP_VERSION%"
if defined _version goto :version_given
if not defined _jarversion goto :bad_version
for /f "tokens=1 delims=-" %%v in ("%_jarversion%") do set "_version=%%v"
:version_given
rem one to three numbers joined by dots
if not defined _version goto :bad_version
set "_parts=0"
set "_bad="
for %%c in ("%_version:.=" "%") do call :version_part %%c
if defined _bad goto :bad_version
if %_parts% GTR 3 goto :bad_version

set "_modules=java.base,java.desktop,java.sql,java.logging,java.management,java.naming,java.net.http,java.security.jgss,java.xml,jdk.unsupported,jdk.localedata,jdk.zipfs,jdk.charsets"
if %_feature% GEQ 22 goto :modules_done
"%_jdkbin%\java.exe" --list-modules > "%_work%\modules.txt"
set "_ec="
for /f "usebackq tokens=1 delims=@" %%m in ("%_work%\modules.txt") do if "%%m" == "jdk.crypto.ec" set "_ec=1"
if defined _ec set "_modules=%_modules%,jdk.crypto.ec"
:modules_done
set "_compress=--compress=2"
if %_feature% GEQ 21 set "_compress=--compress=zip-6"
set "_unsafe="
if %_feature% GEQ 24 set "_unsafe=--java-options --sun-misc-unsafe-memory-access=allow"

echo package-windows: camlab %_version% (%_main%) from "%_dist%"
echo package-windows: JDK %_jdkversion%: "%_jdkbin%"; WiX: "%_wix%"

rem ---- the app's files: the distribution less its launchers and any runtime of its own
mkdir "%_work%\input" 2>nul
set "_copyfail="
pushd "%_dist%"
for %%F in (*) do call :copy_in "%%~fF" file
for /d %%D in (*) do if /i not "%%~nxD" == "bin" if /i not "%%~nxD" == "runtime" if /i not "%%~nxD" == "scripts" call :copy_in "%%~fD" dir
popd
if defined _copyfail goto :copy_failed
if not exist "%_work%\input\camlab.jar" goto :copy_failed

echo package-windows: linking a Java runtime: %_modules%
"%_jdkbin%\jlink.exe" --add-modules %_modules% --output "%_work%\runtime" --strip-debug --no-man-pages --no-header-files %_compress%
if errorlevel 1 goto :jlink_failed

> "%_work%\camlab-check.properties" echo arguments=check --gui --or-demo
>> "%_work%\camlab-check.properties" echo win-console=false

echo package-windows: building the .msi (jpackage and WiX, a few minutes)
"%_jdkbin%\jpackage.exe" --type msi --name camlab --app-version %_version% --vendor camlab ^
  --description "camlab: how you look on video calls, and what to change" ^
  --input "%_work%\input" --main-jar camlab.jar --main-class %_main% --runtime-image "%_work%\runtime" ^
  --java-options -Dcamlab.launcher=jpackage --java-options --enable-native-access=ALL-UNNAMED %_unsafe% ^
  --win-console --win-dir-chooser --win-menu --win-menu-group camlab --win-shortcut ^
  --add-launcher "camlab-check=%_work%\camlab-check.properties" ^
  --dest "%_work%\out"
if errorlevel 1 goto :jpackage_failed

set "_msi="
if exist "%_work%\out\" pushd "%_work%\out"
if exist "%_work%\out\" for %%F in (*.msi) do set "_msi=%%~nxF"
if exist "%_work%\out\" popd
if not defined _msi goto :no_msi
move /y "%_work%\out\%_msi%" "%_out%\%_msi%" >nul
if not exist "%_out%\%_msi%" goto :no_out
rd /s /q "%_work%" 2>nul
echo package-windows: built "%_out%\%_msi%"
echo package-windows: install it by opening it; then "camlab check" in the Start menu, or camlab.exe in the directory chosen
exit /b 0

:no_dist
>&2 echo package-windows: "%_dist%" has no camlab.jar and lib\: give the directory the camlab zip for Windows was unpacked in
goto :fail
:not_windows
>&2 echo package-windows: "%_dist%\lib" holds no windows-x86_64 native libraries: unpack the camlab zip for windows-x86_64
goto :fail
:no_out
>&2 echo package-windows: cannot write the .msi to "%_out%"
goto :fail
:no_jpackage
>&2 echo package-windows: no jpackage: install a JDK 17 or later (25 preferred) and set JAVA_HOME to it, or put its bin on PATH
goto :fail
:no_jlink
>&2 echo package-windows: no jlink, java or jar beside jpackage in "%_jdkbin%": set JAVA_HOME to a full JDK 17 or later
goto :fail
:bad_jdk
>&2 echo package-windows: cannot read the JDK's version from jlink --version in "%_jdkbin%"
goto :fail
:old_jdk
>&2 echo package-windows: the JDK in "%_jdkbin%" is version %_jdkversion%: jpackage here needs a JDK 17 or later (25 preferred)
goto :fail
:no_wix
>&2 echo package-windows: no WiX Toolset: jpackage makes an .msi with WiX 3 (candle.exe, light.exe on PATH; https://wixtoolset.org), or WiX 4+ (wix.exe) with a JDK 24 or later
goto :fail
:no_work
>&2 echo package-windows: cannot make a work directory in "%TEMP%"
goto :fail
:no_manifest
>&2 echo package-windows: cannot read META-INF/MANIFEST.MF and its Main-Class in "%_dist%\camlab.jar"
goto :fail
:bad_version
>&2 echo package-windows: version "%_version%" (the jar's: "%_jarversion%") is not one to three numbers like 1.2.3: set CAMLAB_APP_VERSION
goto :fail
:copy_failed
>&2 echo package-windows: cannot copy "%_dist%" to "%_work%\input"
goto :fail
:jlink_failed
>&2 echo package-windows: jlink failed (above)
goto :fail
:jpackage_failed
>&2 echo package-windows: jpackage failed (above)
goto :fail
:no_msi
>&2 echo package-windows: jpackage made no .msi in "%_work%\out"
goto :fail
:fail
if defined _work rd /s /q "%_work%" 2>nul
exit /b 1

:copy_in
rem copies a file or a directory of the distribution into the app's input
if "%~2" == "file" goto :copy_file
xcopy /e /i /q /y "%~1" "%_work%\input\%~nx1" >nul
if errorlevel 1 set "_copyfail=1"
exit /b 0
:copy_file
copy /y "%~1" "%_work%\input\%~nx1" >nul
if errorlevel 1 set "_copyfail=1"
exit /b 0

:version_part
set /a "_parts+=1"
call :is_number "%~1"
if not defined _number set "_bad=1"
exit /b 0

:is_number
rem _number is set when the argument is a whole number written plainly (no sign, no leading zero)
set "_number="
if "%~1" == "" exit /b 0
set "_n="
set /a "_n=%~1" 2>nul >nul
if "%_n%" == "%~1" set "_number=1"
exit /b 0
