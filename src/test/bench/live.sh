#!/usr/bin/env bash
# Event to screen over /live: API 201 to the delta at 1,000 WebSocket clients, against a minimal Node ws broadcaster.
#
# What is measured, on the bench database with the demo county, the same way on both sides by
# one Node process (src/test/bench/live/loadgen.mjs), GRIDCC_BENCH_LIVE_CLIENTS (1,000) clients
# and GRIDCC_BENCH_LIVE_RATE (200) cases/s:
#  - event to screen p50/p99: cases POSTed at the rate by the clock (keep-alive, up to 32 in
#    flight) at households drawn with a fixed seed (categories mixed); for each case, the time
#    from reading its 201 to a client receiving the delta that carries its RECEIVED event, both
#    on the one process clock. After GRIDCC_BENCH_LIVE_WARMUP (5 s), for GRIDCC_BENCH_SECONDS
#    (15). Every client receives every frame, but only GRIDCC_BENCH_LIVE_SAMPLE (100) of them
#    parse frames and take latencies; the others count frames and bytes in a worker thread, so
#    that the generator's own CPU stays small on this 2-core machine.
#  - memory per connection: the server's RSS (VmRSS) before the clients connect and after all
#    have their snapshot and 2 s have passed, the difference divided by the clients.
#  - slow-client run: GRIDCC_BENCH_LIVE_SLOW (5 % of the clients) stop reading for
#    GRIDCC_BENCH_LIVE_SLOW_PAUSE (10 s) while the load goes on for GRIDCC_BENCH_SECONDS more;
#    the p99 of the sampled clients meanwhile (a slow client must not slow the others), and how
#    many of the slow ones were sent a fresh snapshot after they read again (ours only: the
#    peer buffers without bound).
#  - peer: src/test/bench/live/peer.mjs, a `ws` broadcaster on GRIDCC_BENCH_PEER_PORT (8090):
#    POST /cases answers 201 at once, and its events go out in one delta to every client each
#    200 ms, the service's coalescing window; no grid states, no database.
# The cases made are deleted when the scenario ends, as cases.sh does.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

live=$bench_repo/src/test/bench/live
clients=${GRIDCC_BENCH_LIVE_CLIENTS:-1000}
rate=${GRIDCC_BENCH_LIVE_RATE:-200}
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

# Runs the load generator; prints "p50 p99 KB-per-connection p99-slow-run slow-given-snapshot".
# Args: URL to POST cases to, WebSocket URL, PID of the server, [bearer token: the service's]
load() {
  node "$live/loadgen.mjs" --post "$1" --live "$2" --pid "$3" ${4:+--token "$4"} --bodies "$work/bodies" \
    --clients "$clients" --rate "$rate" --seconds "$seconds" --warmup "${GRIDCC_BENCH_LIVE_WARMUP:-5}" \
    --sample "${GRIDCC_BENCH_LIVE_SAMPLE:-100}" --slow "${GRIDCC_BENCH_LIVE_SLOW:-$((clients / 20))}" \
    --slow-pause "${GRIDCC_BENCH_LIVE_SLOW_PAUSE:-10}"
}

# --- ours -------------------------------------------------------------------------------
out=$(load "$GRIDCC_URL/api/cases" "ws${GRIDCC_URL#http}/live" "$service_pid" "$GRIDCC_TOKEN")
read -r p50 p99 memory slow_p99 given <<<"$out"

# --- peer -------------------------------------------------------------------------------
port_free "$peer_port" || fail "port $peer_port is taken: set GRIDCC_BENCH_PEER_PORT"
node "$live/peer.mjs" "$peer_port" >&2 &
peer_pid=$!
on_exit "kill $peer_pid 2>/dev/null"
for _ in $(seq 1 50); do
  port_free "$peer_port" || break
  kill -0 "$peer_pid" 2>/dev/null || fail "the peer (live/peer.mjs) did not start"
  sleep 0.1
done
out=$(load "http://127.0.0.1:$peer_port/cases" "ws://127.0.0.1:$peer_port/live" "$peer_pid")
read -r peer_p50 peer_p99 peer_memory peer_slow_p99 _ <<<"$out"

printf 'event to screen p50, %s clients %s cases/s\t%s\tnode ws broadcaster\t%s\tms\n' "$clients" "$rate" "$p50" "$peer_p50"
printf 'event to screen p99, %s clients %s cases/s\t%s\tnode ws broadcaster\t%s\tms\n' "$clients" "$rate" "$p99" "$peer_p99"
printf 'memory per connection\t%s\tnode ws broadcaster\t%s\tKB\n' "$memory" "$peer_memory"
printf 'slow-client run p99 (others)\t%s\tnode ws broadcaster\t%s\tms\n' "$slow_p99" "$peer_slow_p99"
printf 'slow clients given a fresh snapshot\t%s\t-\t0\tcount\n' "$given"
