#!/usr/bin/env bash
# A realistic seeded stream of cases moved along their loop (CaseSimulator), for demos: cases/s accepted of those offered.
#
# CaseSimulator sends GRIDCC_SIM_RATE cases/s (20) for GRIDCC_SIM_SECONDS (60) from seed
# GRIDCC_SIM_SEED (1) at the county's households, and moves GRIDCC_SIM_FOLLOW_UP of them (0.3)
# along the loop; its summary (actions taken, errors by kind) goes to stderr. Without ./bench it
# feeds the service of ./run with an admin's bearer token:
#   GRIDCC_TOKEN=... bash src/test/bench/simulate.sh
# (GRIDCC_URL, default http://127.0.0.1:8080; the households are read from GRIDCC_DB_NAME,
# default gridcc).
set -euo pipefail
. "$(dirname "$0")/lib.sh"

rate=${GRIDCC_SIM_RATE:-20}
# In the bench database (through ./bench) the cases are deleted afterwards; fed to ./run's service, they stay for the demo.
if [ "${GRIDCC_DB_NAME:-gridcc}" = gridcc_bench ]; then
  on_exit "bench_forget_cases_after $(bench_psql -c 'SELECT coalesce(max(id), 0) FROM "case"')"
fi
bench_java_compile
out=$(bench_java org.gridcc.bench.CaseSimulator "${GRIDCC_URL:-http://127.0.0.1:8080}" "$rate" "${GRIDCC_SIM_SECONDS:-60}" \
  "${GRIDCC_SIM_SEED:-1}" 64 "${GRIDCC_SIM_FOLLOW_UP:-0.3}")
read -r accepted p50 p99 errors _ <<<"$out"

printf 'cases accepted, %s/s offered\t%s\toffered rate\t%s\tcases/s\n' "$rate" "$accepted" "$rate"
printf 'POST /api/cases p50\t%s\t-\t0\tms\n' "$p50"
printf 'POST /api/cases p99\t%s\t-\t0\tms\n' "$p99"
printf 'errors (intake and actions)\t%s\t-\t0\tcount\n' "$errors"
