#!/usr/bin/env bash
# Event to screen over /live: API 201 to the delta at 1,000 walls (and at a county's real load), against a minimal Node ws broadcaster.
#
# What is measured, on the bench database with the demo county, the same way on both sides by
# one Node process (src/test/bench/live/loadgen.mjs), GRIDCC_BENCH_LIVE_CLIENTS (1,000) clients
# and GRIDCC_BENCH_LIVE_RATE (200) cases/s, each client subscribed as a 1080p /wall of the demo
# county is (level=village, the level it draws: map-ui/src/wall/places.js, WallPageIT);
# GRIDCC_BENCH_RUNS (3) runs, ours and the
# peer's in turn, each figure printed as the median (min-max) of the runs, after an untimed warm-up
# at the heavy load (warm_live below):
#  - event to screen p50/p99: cases POSTed at the rate by the clock (keep-alive, up to 32 in
#    flight) at households drawn with a fixed seed (categories mixed); for each case, the time
#    from reading its 201 to a client receiving the delta that carries its RECEIVED event, both
#    on the one process clock; and its p99 timed from the POST's send (the peer's one thread
#    answers no case while it writes a delta, so the 201 starts its clock after the writing).
#    After GRIDCC_BENCH_LIVE_WARMUP (5 s), for GRIDCC_BENCH_SECONDS
#    (15). Every client receives every frame, but only GRIDCC_BENCH_LIVE_SAMPLE (100) of them
#    parse frames and take latencies; the others count frames and bytes in a worker thread, so
#    that the generator's own CPU stays small on this 2-core machine.
#  - bytes per client per second received by the counting clients in the steady phase, and the
#    POST /api/cases p99 in it (intake must not queue behind fan-out);
#  - light load, a county's real one: GRIDCC_BENCH_LIVE_LIGHT_CLIENTS (200) clients and
#    GRIDCC_BENCH_LIVE_LIGHT_RATE (20) cases/s, event to screen p50/p99 (no slow-client run);
#  - memory per connection: the server's RSS (VmRSS) before the clients connect and after all
#    have their snapshot and 2 s have passed, the difference divided by the clients.
#  - slow-client run: GRIDCC_BENCH_LIVE_SLOW (5 % of the clients) stop reading for
#    GRIDCC_BENCH_LIVE_SLOW_PAUSE (20 s: longer than the socket buffers and the unsent frames
#    take at 41 KB/s, gridcc.live.send-buffer) while the load goes on;
#    the p99 of the sampled clients meanwhile (a slow client must not slow the others), and how
#    many of the slow ones were sent a fresh snapshot after they read again (ours only: the
#    peer buffers without bound).
#  - peer: src/test/bench/live/peer.mjs, a `ws` broadcaster on GRIDCC_BENCH_PEER_PORT (8090):
#    POST /cases answers 201 at once, and its events go out in one delta to every client by the
#    service's policy (at once when quiet, gathered under load), given the same two values
#    (gridcc.live.coalesce and sends-per-second of application.properties); no grid states, no
#    database.
# The cases made are deleted when the scenario ends, as cases.sh does.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

live=$bench_repo/src/test/bench/live
clients=${GRIDCC_BENCH_LIVE_CLIENTS:-1000}
rate=${GRIDCC_BENCH_LIVE_RATE:-200}
light_clients=${GRIDCC_BENCH_LIVE_LIGHT_CLIENTS:-200}
light_rate=${GRIDCC_BENCH_LIVE_LIGHT_RATE:-20}
runs=${GRIDCC_BENCH_RUNS:-3}
seconds=${GRIDCC_BENCH_SECONDS:-15}
peer_port=${GRIDCC_BENCH_PEER_PORT:-8090}
work=$(mktemp -d)
on_exit "rm -rf '$work'"

command -v node >/dev/null || fail "node is missing (the map pages need it too): install Node.js 20"
(cd "$live" && npm install --no-audit --no-fund --loglevel=error) >&2 || fail "npm install in src/test/bench/live failed"
# A socket per client, on both ends: the default limit of 1,024 open files is too few.
[ "$(ulimit -n)" = unlimited ] || [ "$(ulimit -n)" -ge $((clients + 512)) ] || ulimit -n $((clients + 512)) ||
  fail "cannot open $clients sockets: raise the open-files limit (ulimit -n)"

port=$(sed -E 's#^[a-z]+://[^/]*:([0-9]+).*#\1#' <<<"$GRIDCC_URL")
service_pid=$(port_user "$port" | grep -o 'pid=[0-9]*' | head -n 1 | cut -d= -f2)
[ -n "$service_pid" ] && [ -r "/proc/$service_pid/status" ] || fail "no process of ours is found listening on port $port"
[ "$(bench_psql -c 'SELECT count(*) FROM unit')" != 0 ] ||
  fail "the bench database has no responsible units (it predates them): drop gridcc_bench and ./bench makes it anew"

bench_located_case_bodies >"$work/bodies"

last=$(bench_psql -c 'SELECT coalesce(max(id), 0) FROM "case"')
on_exit "bench_forget_cases_after $last"

# Runs the load generator; prints "p50 p99 KB-per-connection p99-slow-run slow-given-snapshot
# KB-per-client-per-second POST-p99 p99-from-the-POST-sent". Args: clients, cases/s, slow
# clients, URL to POST cases to, WebSocket URL, PID of the server, [bearer token: the service's]
load() {
  node "$live/loadgen.mjs" --clients "$1" --rate "$2" --slow "$3" --post "$4" --live "$5" --pid "$6" ${7:+--token="$7"} \
    --bodies "$work/bodies" --seconds "$seconds" --warmup "${GRIDCC_BENCH_LIVE_WARMUP:-5}" \
    --sample "${GRIDCC_BENCH_LIVE_SAMPLE:-100}" --slow-pause "${GRIDCC_BENCH_LIVE_SLOW_PAUSE:-20}"
}

# The service's delivery policy, given to the peer as it is (application.properties owns it).
policy() {
  sed -n "s/^gridcc\.live\.$1=\([0-9]*\).*/\1/p" "$bench_repo/backend/resources/application.properties"
}
export GRIDCC_LIVE_COALESCE_MS GRIDCC_LIVE_SENDS_PER_SECOND
GRIDCC_LIVE_COALESCE_MS=$(policy coalesce)
GRIDCC_LIVE_SENDS_PER_SECOND=$(policy sends-per-second)
[ -n "$GRIDCC_LIVE_COALESCE_MS" ] && [ -n "$GRIDCC_LIVE_SENDS_PER_SECOND" ] ||
  fail "gridcc.live.coalesce or sends-per-second is not in backend/resources/application.properties"

port_free "$peer_port" || fail "port $peer_port is taken: set GRIDCC_BENCH_PEER_PORT"
node "$live/peer.mjs" "$peer_port" >&2 &
peer_pid=$!
on_exit "kill $peer_pid 2>/dev/null"
for _ in $(seq 1 50); do
  port_free "$peer_port" || break
  kill -0 "$peer_pid" 2>/dev/null || fail "the peer (live/peer.mjs) did not start"
  sleep 0.1
done

# What /wall subscribes to at a county's zoom.
ours_live="ws${GRIDCC_URL#http}/live?level=village"
peer_live="ws://127.0.0.1:$peer_port/live"
# Untimed first, at the heavy load: the service until its JIT compilers spent under 0.5 s of CPU
# in a round (about 25 s: lib.sh's warm_up allows 0.2 s in 10 s), for at most GRIDCC_BENCH_WARMUP
# (90) s; the peer once. Otherwise the first round times a JVM still compiling its live path.
warm_live() {
  local spent=0 before started
  echo "live: warm-up, untimed: $clients clients at $rate cases/s, the service, then the peer" >&2
  while [ "$spent" -lt "${GRIDCC_BENCH_WARMUP:-90}" ]; do
    before=$(jit_ticks "$service_pid") started=$SECONDS
    load "$clients" "$rate" 0 "$GRIDCC_URL/api/cases" "$ours_live" "$service_pid" "$GRIDCC_TOKEN" >/dev/null
    spent=$((spent + SECONDS - started))
    [ $(($(jit_ticks "$service_pid") - before)) -lt $(($(getconf CLK_TCK) / 2)) ] && break
  done
  echo "live: warm-up of the service: $spent s" >&2
  load "$clients" "$rate" 0 "http://127.0.0.1:$peer_port/cases" "$peer_live" "$peer_pid" >/dev/null
}
warm_live

heavy_ours=() heavy_peer=() light_ours=() light_peer=()
for run in $(seq 1 "$runs"); do
  echo "live: run $run of $runs, $clients clients at $rate cases/s" >&2
  heavy_ours+=("$(load "$clients" "$rate" "${GRIDCC_BENCH_LIVE_SLOW:-$((clients / 20))}" "$GRIDCC_URL/api/cases" "$ours_live" "$service_pid" "$GRIDCC_TOKEN")")
  heavy_peer+=("$(load "$clients" "$rate" "${GRIDCC_BENCH_LIVE_SLOW:-$((clients / 20))}" "http://127.0.0.1:$peer_port/cases" "$peer_live" "$peer_pid")")
  echo "live: run $run of $runs, $light_clients clients at $light_rate cases/s" >&2
  light_ours+=("$(load "$light_clients" "$light_rate" 0 "$GRIDCC_URL/api/cases" "$ours_live" "$service_pid" "$GRIDCC_TOKEN")")
  light_peer+=("$(load "$light_clients" "$light_rate" 0 "http://127.0.0.1:$peer_port/cases" "$peer_live" "$peer_pid")")
done

# Field N (1-based) of each run's line, as "median (min-max)".
field() {
  local n=$1
  shift
  printf '%s\n' "$@" | awk -v n="$n" '{ print $n }' | spread
}

printf 'event to screen p50, %s clients %s cases/s\t%s\tnode ws broadcaster\t%s\tms\n' "$clients" "$rate" "$(field 1 "${heavy_ours[@]}")" "$(field 1 "${heavy_peer[@]}")"
printf 'event to screen p99, %s clients %s cases/s\t%s\tnode ws broadcaster\t%s\tms\n' "$clients" "$rate" "$(field 2 "${heavy_ours[@]}")" "$(field 2 "${heavy_peer[@]}")"
printf 'event to screen p99 from the POST sent, same\t%s\tnode ws broadcaster\t%s\tms\n' "$(field 8 "${heavy_ours[@]}")" "$(field 8 "${heavy_peer[@]}")"
printf 'bytes per client per second\t%s\tnode ws broadcaster\t%s\tKB/s\n' "$(field 6 "${heavy_ours[@]}")" "$(field 6 "${heavy_peer[@]}")"
printf 'POST /api/cases p99 during the run\t%s\tnode ws broadcaster\t%s\tms\n' "$(field 7 "${heavy_ours[@]}")" "$(field 7 "${heavy_peer[@]}")"
printf 'memory per connection\t%s\tnode ws broadcaster\t%s\tKB\n' "$(field 3 "${heavy_ours[@]}")" "$(field 3 "${heavy_peer[@]}")"
printf 'slow-client run p99 (others)\t%s\tnode ws broadcaster\t%s\tms\n' "$(field 4 "${heavy_ours[@]}")" "$(field 4 "${heavy_peer[@]}")"
printf 'slow clients given a fresh snapshot\t%s\t-\t0\tcount\n' "$(field 5 "${heavy_ours[@]}")"
printf 'event to screen p50, %s clients %s cases/s\t%s\tnode ws broadcaster\t%s\tms\n' "$light_clients" "$light_rate" "$(field 1 "${light_ours[@]}")" "$(field 1 "${light_peer[@]}")"
printf 'event to screen p99, %s clients %s cases/s\t%s\tnode ws broadcaster\t%s\tms\n' "$light_clients" "$light_rate" "$(field 2 "${light_ours[@]}")" "$(field 2 "${light_peer[@]}")"
