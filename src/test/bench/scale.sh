#!/usr/bin/env bash
# How cost grows with the work: the demo county 1, 4 and 16 times over (a city of a dozen counties), each figure beside its linear growth from 1x.
#
# For each factor of GRIDCC_BENCH_SCALES (1 4 16) a database of its own, gridcc_bench_scale<k>,
# holds the demo county generated that many times over (gridcc.demo.scale: grids, households
# and daily cases; the outline stretched to as many times its area, so that grids keep a
# county's size), made on the first run with a heap of GRIDCC_BENCH_SCALE_HEAP (4g) and kept.
# A service at the default heap is then started on it, and measured:
#  - start: from the JVM's start to ready (the grid index and the live state read);
#  - point -> grid lookups/s on 2 threads (GridLookupBench, as ./bench grids);
#  - uncached tiles: every tile covering the county at z10..z12 fetched once, 4 at a time (each
#    made by PostGIS), p99;
#  - the /live snapshot of the base level (every base grid with a case open) and of the village
#    level (what a wall draws): its bytes and p50 from opening the socket to receiving it;
#  - boundary check and publish: ./bench boundaries on that database (every base grid uploaded);
#  - the service's peak RSS over all of that, against the 512 MB target.
# The peer of each figure at k is the 1x figure times k (linear growth; lookups/s: the 1x figure
# itself, as they should not slow more than logarithmically), so ours/peer <= 1 is within linear.
set -euo pipefail
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/credentials.bash"

scales=${GRIDCC_BENCH_SCALES:-1 4 16}
port=${GRIDCC_BENCH_SCALE_PORT:-$((GRIDCC_HTTP_PORT + 3))}
url=http://127.0.0.1:$port
live=$bench_repo/src/test/bench/live
work=$(mktemp -d)
on_exit "rm -rf '$work'"
(cd "$live" && npm install --no-audit --no-fund --loglevel=error) >&2 || fail "npm install in src/test/bench/live failed"
bench_java_compile

now_ms() { date +%s%3N; }
java_opts=${GRIDCC_JAVA_OPTS:-}
default_heap=$(grep -o -- '-Xmx[0-9]*m' <<<"$java_opts" | tail -n 1 | tr -dc 0-9)
[ -n "$default_heap" ] || fail "GRIDCC_JAVA_OPTS names no heap in MB (-Xmx...m): scripts/lib.sh sets it"

# Starts the service on a database; waits up to $2 seconds for it to be ready. Sets SERVICE_PID
# and started_ms; returns 1 when it stopped before (its log: bench-results/service-scale.log).
# Args: database, seconds, [NAME=value ...]
start_on() {
  local database=$1 seconds=$2; shift 2
  started_ms=$(now_ms)
  service_start "$port" GRIDCC_DB_NAME="$database" "$@"
  wait_ready "$url" "$SERVICE_PID" "$seconds" && return 0
  kill -0 "$SERVICE_PID" 2>/dev/null && fail "the service on $database was not ready in $seconds s; see bench-results/service-$port.log"
  cp "$bench_repo/bench-results/service-$port.log" "$bench_repo/bench-results/service-scale.log"
  return 1
}

stop_service() {
  kill "$SERVICE_PID" 2>/dev/null || true
  wait "$SERVICE_PID" 2>/dev/null || true
  while ! port_free "$port"; do sleep 0.2; done
}

# The figures of one factor, one line: "heap-MB start-ms lookups/s tile-p99 base-bytes base-ms village-bytes village-ms check-ms publish-ms rss-MB"
measure() {
  local k=$1 database=gridcc_bench_scale$1 box tiles lookups checked published rss
  "$bench_repo/scripts/postgis.sh" "$database" >&2
  if [ "$(GRIDCC_DB_NAME=$database bench_psql -c "SELECT to_regclass('gridcc.grid_version') IS NOT NULL AND EXISTS (SELECT 1 FROM gridcc.grid_version)" 2>/dev/null)" != t ]; then
    echo "scale: generating the demo county $k times over into $database" >&2
    GRIDCC_JAVA_OPTS="${GRIDCC_JAVA_OPTS:-} -Xmx${GRIDCC_BENCH_SCALE_HEAP:-4g}" start_on "$database" 1800 GRIDCC_DEMO_SCALE="$k" ||
      fail "generating $database failed; see bench-results/service-scale.log"
    grep -o 'Demo data: .*' "$bench_repo/bench-results/service-$port.log" | grep -E 'published|cases over' >&2 || true
    stop_service
  fi

  export GRIDCC_DB_NAME=$database
  read -r -a box < <(bench_psql -c "
    SELECT ST_XMin(e), ST_YMin(e), ST_XMax(e), ST_YMax(e)
      FROM (SELECT ST_Extent(geom) AS e FROM grid g JOIN grid_version v ON v.id = g.version_id
             WHERE v.status = 'published' AND g.level = 'county') s")
  [ ${#box[@]} = 4 ] || fail "$database has no published county grid"
  # The lookups run before the service starts: a service just started is still busy (JIT, first sweeps).
  # Their JVM holds its points besides the index: it gets the heap the generator had.
  read -r lookups _ < <(GRIDCC_JAVA_OPTS="${GRIDCC_JAVA_OPTS:-} -Xmx${GRIDCC_BENCH_SCALE_HEAP:-4g}" \
    bench_java org.gridcc.bench.GridLookupBench "${box[@]}" "${GRIDCC_BENCH_LOOKUPS_MILLIONS:-4}" 2) || true
  [ -n "${lookups:-}" ] || fail "GridLookupBench failed on $database"

  # At the default heap first; a service that does not start there is a finding: the heap it
  # starts at is a figure, and the rest is measured there.
  local heap=$default_heap
  until start_on "$database" 600; do
    grep -q OutOfMemoryError "$bench_repo/bench-results/service-scale.log" ||
      fail "the service on $database stopped; see bench-results/service-scale.log"
    heap=$((heap * 2))
    [ "$heap" -le 4096 ] || fail "the service on $database did not start with a heap of 4 GB"
    echo "scale: ${k}x: out of heap while starting; again at -Xmx${heap}m" >&2
    GRIDCC_JAVA_OPTS="${GRIDCC_JAVA_OPTS:-} -Xmx${heap}m"
  done
  local start=$(($(now_ms) - started_ms)) service=$SERVICE_PID
  # Its peak RSS is counted from its start: reading the grids and the live state is part of it.
  admin_token "$url" "$database"
  local token=$BENCH_TOKEN token_id=$BENCH_TOKEN_ID

  tiles_covering "${box[@]}" 10 11 12 >"$work/tiles"
  tiles=$(wc -l <"$work/tiles")
  read -r _ tile_p99 < <(awk -v u="$url" '{ printf "%s/tiles/grids/%d/%d/%d.mvt\n", u, $1, $2, $3 }' "$work/tiles" |
    xargs -P4 -n1 curl -sS -o /dev/null -H "Authorization: Bearer $token" -w '%{time_total}\n' |
    awk '{ print $1 * 1000 }' | percentiles)

  read -r base_bytes base_ms _ < <(node "$live/snapshot.mjs" "ws${url#http}/live?level=base" 20 "$token")
  read -r village_bytes village_ms _ < <(node "$live/snapshot.mjs" "ws${url#http}/live?level=village" 20 "$token")

  local rows
  # A check or publish that fails at this size is a finding, not the end of the run: NaN, and why on stderr.
  rows=$(GRIDCC_URL=$url GRIDCC_TOKEN=$token bash "$bench_repo/src/test/bench/boundaries.sh") ||
    echo "scale: ${k}x: the boundary check or publish failed; see bench-results/service-scale$k.log" >&2
  checked=$(awk -F'\t' '/^check/ { print $2 }' <<<"${rows:-}")
  published=$(awk -F'\t' '/^publish/ { print $2 }' <<<"${rows:-}")
  rss=$(awk '/^VmHWM:/ { printf "%.0f", $2 / 1024 }' "/proc/$service/status")
  export GRIDCC_DB_NAME=gridcc_bench

  revoke_token "$url" "$token" admin "$token_id"
  stop_service
  cp "$bench_repo/bench-results/service-$port.log" "$bench_repo/bench-results/service-scale$k.log"
  GRIDCC_JAVA_OPTS=$java_opts
  echo "scale: ${k}x: $tiles tiles z10-12, started in $start ms" >&2
  echo "$heap $start $lookups $tile_p99 $base_bytes $base_ms $village_bytes $village_ms ${checked:-NaN} ${published:-NaN} $rss"
}

names=("heap the service started with" "start to ready" "point -> grid lookups/s, 2 threads" "uncached tile z10-12 p99" "/live snapshot, base level"
  "/live snapshot time, base level p50" "/live snapshot, village level" "/live snapshot time, village level p50"
  "boundary check, every base grid" "boundary publish" "peak service RSS")
units=(MB ms ops/s ms bytes ms bytes ms ms ms MB)
first=()
for k in $scales; do
  # Not in a subshell: the services it starts are stopped when the scenario ends (on_exit).
  measure "$k" >"$work/figures"
  read -r -a figures <"$work/figures"
  [ ${#first[@]} -gt 0 ] || { first=("${figures[@]}"); one=$k; }
  for i in "${!names[@]}"; do
    case $i in
      0) peer="the default (scripts/lib.sh)"; peer_value=$default_heap ;;
      2) peer="${one}x, same run"; peer_value=${first[$i]} ;;
      10) peer=target; peer_value=512 ;;
      *) peer="${one}x times $((k / one)) (linear)"; peer_value=$(awk -v v="${first[$i]}" -v f="$((k / one))" 'BEGIN { printf "%.2f", v * f }') ;;
    esac
    printf '%s, %sx\t%s\t%s\t%s\t%s\n' "${names[$i]}" "$k" "${figures[$i]}" "$peer" "$peer_value" "${units[$i]}"
  done
done
