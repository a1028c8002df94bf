#!/usr/bin/env bash
# Two nodes on Kafka behind nginx against the single node: event to screen at 2,000 clients, failover after kill -9, RSS.
#
# Beside the single node that ./bench started (the in-memory channel), this scenario starts what
# ./run --cluster starts: the private Kafka broker (scripts/kafka.sh, GRIDCC_KAFKA_PORT), two
# nodes of the same build (profile cluster) on GRIDCC_BENCH_CLUSTER_PORT+1 and +2, and nginx
# (scripts/balancer.sh) on GRIDCC_BENCH_CLUSTER_PORT (8091). The nodes have a database of their
# own, gridcc_bench_cluster (the same demo county, made on the first run): the single node's relay
# would otherwise publish the nodes' events to its own memory.
#  - event to screen p50/p99: src/test/bench/live/loadgen.mjs, as ./bench live measures it, with
#    GRIDCC_BENCH_CLUSTER_CLIENTS (2,000) clients and GRIDCC_BENCH_LIVE_RATE (200) cases/s, once
#    against the single node directly and once through nginx against the two nodes (cases and
#    clients balanced over both; the event crosses the broker to the other node's clients);
#  - failover: src/test/bench/live/failover.mjs, the same clients through nginx, every one of them
#    checking its positions, GRIDCC_BENCH_FAILOVER_RATE (50) cases/s, then kill -9 of node 1:
#    the time until every client of node 1 has resumed on node 2 with since= (target 5 s), clients
#    with a gap, positions repeated, accepted cases that did not reach every client (target 0);
#  - the peak RSS (VmHWM) of each node over the run (target 512 MB), beside the single node's.
# The cases made are deleted when the scenario ends; the broker is stopped if this run started it.
set -euo pipefail
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/credentials.bash"

live=$bench_repo/src/test/bench/live
clients=${GRIDCC_BENCH_CLUSTER_CLIENTS:-2000}
rate=${GRIDCC_BENCH_LIVE_RATE:-200}
failover_rate=${GRIDCC_BENCH_FAILOVER_RATE:-50}
seconds=${GRIDCC_BENCH_SECONDS:-15}
front=${GRIDCC_BENCH_CLUSTER_PORT:-8091}
database=gridcc_bench_cluster
work=$(mktemp -d)
on_exit "rm -rf '$work'"

command -v node >/dev/null || fail "node is missing (the map pages need it too): install Node.js 20"
(cd "$live" && npm install --no-audit --no-fund --loglevel=error) >&2 || fail "npm install in src/test/bench/live failed"
# Two sockets a client on nginx, one on the node, one here.
[ "$(ulimit -n)" = unlimited ] || [ "$(ulimit -n)" -ge $((2 * clients + 512)) ] || ulimit -n $((2 * clients + 512)) ||
  fail "cannot open $clients sockets: raise the open-files limit (ulimit -n)"
for p in "$front" $((front + 1)) $((front + 2)); do
  port_free "$p" || fail "port $p is taken ($(port_user "$p")): set GRIDCC_BENCH_CLUSTER_PORT"
done

single_port=$(sed -E 's#^[a-z]+://[^/]*:([0-9]+).*#\1#' <<<"$GRIDCC_URL")
single_pid=$(port_user "$single_port" | grep -o 'pid=[0-9]*' | head -n 1 | cut -d= -f2)
[ -n "$single_pid" ] && [ -r "/proc/$single_pid/status" ] || fail "no process of ours is found listening on port $single_port"
peak_rss_mb() { awk '/^VmHWM:/ { printf "%.0f\n", $2 / 1024 }' "/proc/$1/status"; }
# CPU seconds (user + system) the processes have used so far; gone ones count 0. Args: pid...
cpu_seconds() {
  local pid total=0 ticks
  for pid in "$@"; do
    ticks=$(awk '{ print $14 + $15 }' "/proc/$pid/stat" 2>/dev/null || echo 0)
    total=$((total + ticks))
  done
  awk -v t="$total" -v hz="$(getconf CLK_TCK)" 'BEGIN { printf "%.1f\n", t / hz }'
}
# nginx's master and its workers (whose command line does not name the configuration).
nginx_pids() {
  local master
  master=$(pgrep -f "balancer-$front/nginx.conf" | head -n 1)
  [ -n "$master" ] && echo "$master $(pgrep -d ' ' -P "$master")"
}
# Where the machine's CPU went during a run, by part: logged, to find the bottleneck (the
# figures above are end to end). Args: label, then the command to run
cpu_by_part() {
  local label=$1; shift
  local parts=("single node" "$single_pid" nginx "$(nginx_pids)" "node 1" "$node1" "node 2" "$node2"
               kafka "$(pgrep -d ' ' -f "$bench_repo/.kafka/" || true)" postgres "$(pgrep -d ' ' -x postgres || true)")
  local before=() i all_before all_after
  for ((i = 0; i < ${#parts[@]}; i += 2)); do before+=("$(cpu_seconds ${parts[i + 1]})"); done
  all_before=$(awk '/^cpu / { print $2 + $3 + $4 + $7 + $8 }' /proc/stat)
  "$@"
  all_after=$(awk '/^cpu / { print $2 + $3 + $4 + $7 + $8 }' /proc/stat)
  local line="cpu during $label (s):"
  for ((i = 0; i < ${#parts[@]}; i += 2)); do
    line+=" ${parts[i]} $(awk -v a="$(cpu_seconds ${parts[i + 1]})" -v b="${before[i / 2]}" 'BEGIN { printf "%.1f", a - b }')"
  done
  echo "$line; the machine $(awk -v a="$all_after" -v b="$all_before" -v hz="$(getconf CLK_TCK)" 'BEGIN { printf "%.1f", (a - b) / hz }')" >&2
}

# --- the cluster ----------------------------------------------------------------------------
export GRIDCC_KAFKA_PORT=${GRIDCC_KAFKA_PORT:-59092}
if port_free "$GRIDCC_KAFKA_PORT"; then on_exit "'$bench_repo/scripts/kafka.sh' stop >&2"; fi
"$bench_repo/scripts/kafka.sh" >&2
GRIDCC_DB_NAME=$database "$bench_repo/scripts/postgis.sh" "$database" >&2

node_env=(GRIDCC_DB_NAME="$database" QUARKUS_PROFILE=cluster
          QUARKUS_HTTP_PROXY_PROXY_ADDRESS_FORWARDING=true QUARKUS_HTTP_PROXY_TRUSTED_PROXIES=127.0.0.1)
# The first node alone: it loads the demo county into the new database on the first run.
service_start $((front + 1)) "${node_env[@]}"
node1=$SERVICE_PID
wait_ready "http://127.0.0.1:$((front + 1))" "$node1" || fail "node 1 did not start; see bench-results/service-$((front + 1)).log"
service_start $((front + 2)) "${node_env[@]}"
node2=$SERVICE_PID
wait_ready "http://127.0.0.1:$((front + 2))" "$node2" || fail "node 2 did not start; see bench-results/service-$((front + 2)).log"
"$bench_repo/scripts/balancer.sh" "$front" $((front + 1)) $((front + 2)) >&2 &
on_exit "kill $! 2>/dev/null"
cluster=http://127.0.0.1:$front
for _ in $(seq 1 50); do [ "$(curl -s -o /dev/null -w '%{http_code}' "$cluster/q/health/ready")" = 200 ] && break; sleep 0.1; done

admin_token "$cluster" "$database"
cluster_token=$BENCH_TOKEN
on_exit "revoke_token '$cluster' '$cluster_token' admin '$BENCH_TOKEN_ID'"

GRIDCC_DB_NAME=$database bench_located_case_bodies >"$work/bodies"
single_last=$(bench_psql -c 'SELECT coalesce(max(id), 0) FROM "case"')
on_exit "bench_forget_cases_after $single_last"
cluster_last=$(GRIDCC_DB_NAME=$database bench_psql -c 'SELECT coalesce(max(id), 0) FROM "case"')
on_exit "GRIDCC_DB_NAME=$database bench_forget_cases_after $cluster_last"

# --- event to screen: the single node, then the two nodes ---------------------------------------
# Prints "p50 p99". Args: URL to POST to, WebSocket URL, a server's pid, bearer token
event_to_screen() {
  node "$live/loadgen.mjs" --post "$1" --live "$2" --pid "$3" --token="$4" --bodies "$work/bodies" \
    --clients "$clients" --rate "$rate" --seconds "$seconds" --warmup "${GRIDCC_BENCH_LIVE_WARMUP:-5}" \
    --sample "${GRIDCC_BENCH_LIVE_SAMPLE:-100}" --slow 0 --slow-pause 0 | awk '{ print $1, $2 }'
}
cpu_by_part "the single node's run" event_to_screen "$GRIDCC_URL/api/cases" "ws${GRIDCC_URL#http}/live" "$single_pid" "$GRIDCC_TOKEN" \
  >"$work/single-figures"
read -r single_p50 single_p99 <"$work/single-figures"
cpu_by_part "the two nodes' run" event_to_screen "$cluster/api/cases" "ws://127.0.0.1:$front/live" "$node1" "$cluster_token" >"$work/cluster-figures"
read -r p50 p99 <"$work/cluster-figures"
node1_rss=$(peak_rss_mb "$node1")

# --- failover: kill -9 of node 1 -----------------------------------------------------------------
read -r moved failover failover_p50 gaps repeats undelivered refused < <(
  node "$live/failover.mjs" --post "$cluster/api/cases" --live "ws://127.0.0.1:$front/live" --token="$cluster_token" \
    --bodies "$work/bodies" --kill "$node1" --clients "$clients" --rate "$failover_rate")
node2_rss=$(peak_rss_mb "$node2")
single_rss=$(peak_rss_mb "$single_pid")

printf 'event to screen p50, %s clients %s cases/s\t%s\tsingle node\t%s\tms\n' "$clients" "$rate" "$p50" "$single_p50"
printf 'event to screen p99, %s clients %s cases/s\t%s\tsingle node\t%s\tms\n' "$clients" "$rate" "$p99" "$single_p99"
printf 'failover: all %s moved clients resumed\t%s\ttarget\t5000\tms\n' "$moved" "$failover"
printf 'failover: median client resumed\t%s\ttarget\t5000\tms\n' "$failover_p50"
printf 'failover: clients with a gap\t%s\ttarget\t0\tcount\n' "$gaps"
printf 'failover: positions read twice\t%s\ttarget\t0\tcount\n' "$repeats"
printf 'failover: accepted cases not on every client\t%s\ttarget\t0\tcount\n' "$undelivered"
printf 'failover: posts cut by the kill (no 201)\t%s\t-\t0\tcount\n' "$refused"
printf 'peak RSS node 1 (until killed)\t%s\tsingle node\t%s\tMB\n' "$node1_rss" "$single_rss"
printf 'peak RSS node 2 (took over)\t%s\ttarget\t512\tMB\n' "$node2_rss"
