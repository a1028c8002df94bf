#!/usr/bin/env bash
# ./run --cluster, after PostGIS and the build: the Kafka broker, N service nodes on
# GRIDCC_HTTP_PORT+1 .. +N (profile cluster: the live stream on Kafka), nginx in front on
# GRIDCC_HTTP_PORT. Ctrl-C stops the nodes and nginx, and the broker if this run started it.
#
#   scripts/cluster.sh N
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
. "$repo/scripts/lib.sh"

nodes=$1
port=$GRIDCC_HTTP_PORT
for p in "$port" $(seq $((port + 1)) $((port + nodes))); do
  port_free "$p" ||
    fail "port $p is taken ($(port_user "$p")): the cluster uses GRIDCC_HTTP_PORT ($port) and the $nodes ports above it; stop that program or choose another GRIDCC_HTTP_PORT"
done

export GRIDCC_KAFKA_PORT=${GRIDCC_KAFKA_PORT:-59092}
broker_started=0
port_free "$GRIDCC_KAFKA_PORT" && broker_started=1
"$repo/scripts/kafka.sh"

pids=()
stop_all() {
  trap - INT TERM EXIT
  step "stopping the nodes and nginx"
  kill "${pids[@]}" 2>/dev/null || true
  wait "${pids[@]}" 2>/dev/null || true
  [ "$broker_started" = 1 ] && "$repo/scripts/kafka.sh" stop
  exit 0
}
trap stop_all INT TERM EXIT

jar=$(stage_app "cluster-$port")
start_node() {
  local n=$1 node_port=$((port + $1))
  step "starting node $n on :$node_port"
  # Each node's lines carry its number; the pid kept is the JVM's.
  # nginx on this machine is the one proxy whose X-Forwarded-For a node believes (docs/access.md).
  GRIDCC_HTTP_PORT=$node_port QUARKUS_PROFILE=cluster \
    QUARKUS_HTTP_PROXY_PROXY_ADDRESS_FORWARDING=true QUARKUS_HTTP_PROXY_TRUSTED_PROXIES=127.0.0.1 \
    java ${GRIDCC_JAVA_OPTS:-} -jar "$jar" \
    > >(sed -u "s/^/[node $n] /") 2>&1 &
  pids+=($!)
}
# The first node alone: it migrates the schema and loads the demo county into an empty database.
start_node 1
wait_ready "http://localhost:$((port + 1))" "${pids[0]}" || fail "node 1 stopped, or was not ready within 90 s; see its log above"
for n in $(seq 2 "$nodes"); do start_node "$n"; done
for n in $(seq 2 "$nodes"); do
  wait_ready "http://localhost:$((port + n))" "${pids[$((n - 1))]}" || fail "node $n stopped, or was not ready within 90 s; see its log above"
done

step "starting nginx on :$port in front of $nodes nodes"
"$repo/scripts/balancer.sh" "$port" $(seq $((port + 1)) $((port + nodes))) &
pids+=($!)

base=http://localhost:$port
cat >&2 <<URLS

gridcc is ready, $nodes nodes behind nginx (Kafka on 127.0.0.1:$GRIDCC_KAFKA_PORT):
  home            $base/
  sign in         $base/login   (user admin; password: GRIDCC_ADMIN_PASSWORD, or the one
                  printed above when this database got its first admin)
  wall            $base/wall    desk $base/desk    GIS $base/gis
  nodes           $(for n in $(seq 1 "$nodes"); do printf 'http://localhost:%s/  ' $((port + n)); done)
  readiness       $base/q/health/ready (of whichever node answers)
Stop with Ctrl-C.
URLS
# Serves until Ctrl-C or until nginx stops; a node that dies leaves the others serving.
wait "${pids[-1]}" || true
