#!/usr/bin/env bash
# Builds the service jar (with the map-ui inside) when any source is newer than the last
# build; GRIDCC_REBUILD=1 forces it. The full Maven log goes to target/build.log.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
. "$repo/scripts/lib.sh"

jar=$repo/target/quarkus-app/quarkus-run.jar
if [ -f "$jar" ] && [ "${GRIDCC_REBUILD:-0}" != 1 ] &&
   [ -z "$(find "$repo/pom.xml" "$repo/backend" "$repo/map-ui" -path "$repo/map-ui/node_modules" -prune -o -newer "$jar" -type f -print -quit)" ]; then
  step "build is up to date"
  exit 0
fi
step "building (Maven; the first build downloads about 200 MB)"
mkdir -p "$repo/target"
"$repo/mvnw" -B -ntp -f "$repo/pom.xml" package -DskipTests >"$repo/target/build.log" 2>&1 || {
  tail -n 40 "$repo/target/build.log" >&2
  fail "the build failed; the whole log is in target/build.log"
}
