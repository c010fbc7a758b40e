#!/bin/sh
# How many survey workers of two cores keep an estate on its cycle (benchmarks/RESULTS.md, "Survey
# capacity"). The real workers (SurveyWorker: leases claimed and measurements stored with their rollups
# on a real PostgreSQL) with each capture replaced by a sleep of its length, run SCALE times faster than
# life. One, two, … workers run one round each over a new schema, until a round fits in its cycle.
#
#   scripts/test-postgres.sh                       (or CAMLAB_TEST_PG=jdbc:postgresql://…)
#   mvn -q test-compile
#   benchmarks/survey-capacity.sh [ROOMS [CYCLE_S [CAPTURE_S [PARALLEL [SCALE [MOST]]]]]]
#                                  (default: 500 900 4 2 30 8)
#
# CAPTURE_S is a room's whole measurement: a stream's connect and first frame (about 1 s on a LAN),
# 60 frames at 30 fps (2 s), the analysis that keeps up with them on its core and the advice.
# CAMLAB_CP names the dependencies' class path instead of asking Maven for it.
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
cd "$here"
[ -n "${CAMLAB_CLASSES:-}" ] || [ -d target/test-classes ] || { echo "survey-capacity: run 'mvn -q test-compile' first" >&2; exit 2; }
deps=${CAMLAB_CP:-$(mvn -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=/dev/stdout)}
exec java -cp "${CAMLAB_CLASSES:-target/classes:target/test-classes}:$deps" org.camlab.rooms.SurveyCapacity "$@"
