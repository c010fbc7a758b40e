@echo off
rem camlab's launcher for Windows, in bin\ of an unpacked distribution:
rem   <home>\camlab.jar  <home>\lib\*.jar  <home>\bin\camlab.cmd  [<home>\runtime\: a bundled Java]
rem Java: <home>\runtime\bin\java.exe, else JAVA_HOME\bin\java.exe, else java.exe on PATH.
rem Extra JVM options: the variable CAMLAB_JAVA_OPTS. Exit code: java's (camlab's: docs\CONTRACT.md), or 6 when
rem no Java or no camlab.jar is found. Writes nothing here: the native cache is in LOCALAPPDATA.
rem
rem Written for cmd.exe's parser: no block ( ... ) expands a variable (the ")" of "Program Files
rem (x86)" would end it), every path is in quotes (spaces, "&", "(", ")"), delayed expansion is off
rem (a "!" in a path or an argument stays), the error lines print paths in quotes too, and the
rem arguments go on as they came (percent-star), untouched.
setlocal EnableExtensions DisableDelayedExpansion
rem a variable the user named ERRORLEVEL would hide the real one
set "ERRORLEVEL="

rem bin\ as run; run as "camlab" (quoted, no extension) through PATH, dp0 names the current
rem directory instead (a cmd.exe bug): then bin\ is where PATH finds camlab.cmd.
set "_camlab_bin=%~dp0"
if not exist "%_camlab_bin%..\camlab.jar" for %%F in ("%~n0.cmd") do if not "%%~$PATH:F" == "" set "_camlab_bin=%%~dp$PATH:F"
for %%I in ("%_camlab_bin%..") do set "_camlab_home=%%~fI"
rem at a drive's root "D:\" would end in \" and escape its closing quote on java's command line
if "%_camlab_home:~-1%" == "\" set "_camlab_home=%_camlab_home%."
if not exist "%_camlab_home%\camlab.jar" goto :no_jar

rem java.exe reads its command line in the ANSI code page: a character of the install path outside
rem it would reach Java as "?". The 8.3 short names (ASCII where the volume makes them) avoid that;
rem where the volume makes none, the short form is the long name.
set "_camlab_short="
for %%I in ("%_camlab_home%") do set "_camlab_short=%%~sI"
if not defined _camlab_short set "_camlab_short=%_camlab_home%"

set "_camlab_java=%_camlab_home%\runtime\bin\java.exe"
if exist "%_camlab_java%" goto :run
if not defined JAVA_HOME goto :path_java
set "_camlab_jh=%JAVA_HOME:"=%"
if not defined _camlab_jh goto :path_java
if "%_camlab_jh:~-1%" == "\" set "_camlab_jh=%_camlab_jh:~0,-1%"
set "_camlab_java=%_camlab_jh%\bin\java.exe"
if exist "%_camlab_java%" goto :run
goto :bad_java_home

:path_java
set "_camlab_java="
for %%J in (java.exe) do set "_camlab_java=%%~$PATH:J"
if not defined _camlab_java goto :no_java

:run
"%_camlab_java%" "-Dcamlab.home=%_camlab_short%" -Dcamlab.launcher=cmd %CAMLAB_JAVA_OPTS% -jar "%_camlab_short%\camlab.jar" %*
exit /b %ERRORLEVEL%

:no_java
>&2 echo camlab: no Java runtime found: install Java 17 or later (https://adoptium.net) or set JAVA_HOME
exit /b 6

:bad_java_home
>&2 echo camlab: JAVA_HOME is "%_camlab_jh%" and has no bin\java.exe: point it at a Java 17 or later, or unset it
exit /b 6

:no_jar
>&2 echo camlab: "%_camlab_home%\camlab.jar" is missing: the installation is incomplete; reinstall camlab
exit /b 6
