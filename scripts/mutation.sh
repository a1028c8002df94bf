#!/usr/bin/env bash
# Mutation testing of the domain core (PIT, Maven profile "mutation"): the unit tests (*Tests,
# plain JUnit: no service, no database) against mutants of the classes listed in pom.xml.
# Prints PIT's summary and the killed share per class; the HTML report is
# target/pit-reports/index.html, the full log target/mutation.log. Extra arguments go to Maven.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
. "$repo/scripts/lib.sh"

reports=$repo/target/pit-reports
log=$repo/target/mutation.log
mkdir -p "$repo/target"
rm -rf "$reports"

# The boundary reader tests make their Shapefiles and GeoPackages with GDAL's ogr2ogr.
command -v ogr2ogr >/dev/null || apt_install gdal-bin

step "mutation testing (PIT; a few minutes; log in target/mutation.log)"
start=$SECONDS
"$repo/mvnw" -B -ntp -f "$repo/pom.xml" -Pmutation -DskipUi=true "$@" \
  test-compile org.pitest:pitest-maven:mutationCoverage >"$log" 2>&1 || {
  tail -n 40 "$log" >&2
  fail "mutation testing failed; the whole log is in target/mutation.log"
}

step "mutation testing took $((SECONDS - start)) s"
# PIT's overall statistics (the last block of its log; the blocks before it are per mutator).
sed -n '/^- Statistics/,$p' "$log" | grep -E '^>> (Line Coverage|Generated|Mutations with no coverage|Ran )' || true

# Per class: mutants, killed (PIT counts time-outs and memory errors as killed), the share of
# all mutants killed, and test strength (the share of the mutants that some test reaches).
awk -F"'" '
  /<mutation / {
    status = $4
    cls = $0; sub(/.*<mutatedClass>/, "", cls); sub(/<.*/, "", cls); sub(/\$.*/, "", cls)
    n[cls]++
    if (status == "KILLED" || status == "TIMED_OUT" || status == "MEMORY_ERROR" || status == "RUN_ERROR") k[cls]++
    if (status == "NO_COVERAGE") u[cls]++
  }
  END {
    printf "%-48s %8s %7s %8s %9s\n", "class", "mutants", "killed", "killed%", "strength"
    for (c in n) {
      covered = n[c] - u[c]
      printf "%-48s %8d %7d %7.0f%% %8s\n", c, n[c], k[c], 100 * k[c] / n[c], covered ? sprintf("%.0f%%", 100 * k[c] / covered) : "-"
    }
  }' "$reports/mutations.xml" | { read -r header; echo "$header"; sort; }

echo "report: $reports/index.html"
