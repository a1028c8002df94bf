#!/usr/bin/env bash
# Runs a private Apache Kafka broker (KRaft, one node that is its own controller) for this
# checkout, from the Maven Central jars that scripts/kafka/pom.xml names: jars in <repo>/.kafka/lib,
# data and log in <repo>/.kafka (gitignored; GRIDCC_KAFKA_DIR moves it), clients on
# 127.0.0.1:$GRIDCC_KAFKA_PORT (default 59092), the controller on the port above it.
# Idempotent: a second call only checks that the broker answers.
#
#   scripts/kafka.sh          install when missing, start when stopped
#   scripts/kafka.sh stop     stop the broker this checkout started
set -euo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd)
. "$repo/scripts/lib.sh"

port=${GRIDCC_KAFKA_PORT:-59092}
controller_port=$((port + 1))
home=${GRIDCC_KAFKA_DIR:-$repo/.kafka}
lib=$home/lib
data=$home/data
config=$home/server.properties
logfile=$home/server.log
pidfile=$home/broker.pid
pom=$repo/scripts/kafka/pom.xml

running_pid() {
  local pid
  [ -f "$pidfile" ] && pid=$(cat "$pidfile") && kill -0 "$pid" 2>/dev/null && echo "$pid"
}

# Answers when the broker accepts connections on its client port.
answers() { ! port_free "$port"; }

stop_broker() {
  local pid i
  pid=$(running_pid) || { step "no Kafka broker of this checkout is running"; rm -f "$pidfile"; return 0; }
  step "stopping Kafka (pid $pid)"
  kill "$pid"
  for i in $(seq 1 60); do
    kill -0 "$pid" 2>/dev/null || { rm -f "$pidfile"; return 0; }
    sleep 0.5
  done
  kill -9 "$pid" 2>/dev/null || true
  rm -f "$pidfile"
}

install_jars() {
  # The jars are those of the pom: a changed version there installs again.
  if [ -f "$lib/.installed" ] && [ ! "$pom" -nt "$lib/.installed" ]; then return 0; fi
  step "installing Apache Kafka (Maven; about 30 MB)"
  mkdir -p "$home"
  rm -rf "$lib"
  "$repo/mvnw" -B -ntp -q -f "$pom" dependency:copy-dependencies -DincludeScope=runtime -DoutputDirectory="$lib" \
    >"$home/install.log" 2>&1 || {
    tail -n 20 "$home/install.log" >&2
    fail "the Kafka jars could not be fetched; the whole log is in $home/install.log"
  }
  touch "$lib/.installed"
}

write_config() {
  mkdir -p "$data"
  cat >"$config" <<CONF
# Written by scripts/kafka.sh on every start: one node, broker and KRaft controller, loopback only.
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:$controller_port
listeners=PLAINTEXT://127.0.0.1:$port,CONTROLLER://127.0.0.1:$controller_port
advertised.listeners=PLAINTEXT://127.0.0.1:$port
controller.listener.names=CONTROLLER
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
inter.broker.listener.name=PLAINTEXT
log.dirs=$data
num.partitions=1
# One broker: every internal topic has one copy.
offsets.topic.replication.factor=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
# A consumer that joins is given its partitions at once, not after the usual 3 s.
group.initial.rebalance.delay.ms=0
# The case-events topic is a wake-up with the events of the last hours; the database keeps them all.
log.retention.hours=24
CONF
  cat >"$home/log4j2.properties" <<CONF
appender.file.type=File
appender.file.name=file
appender.file.fileName=$logfile
appender.file.layout.type=PatternLayout
appender.file.layout.pattern=[%d] %p %m (%c)%n
rootLogger.level=INFO
rootLogger.appenderRef.file.ref=file
CONF
}

format_storage() {
  [ -f "$data/meta.properties" ] && return 0
  step "formatting the Kafka log directory $data"
  local cluster
  cluster=$(java -cp "$lib/*" kafka.tools.StorageTool random-uuid 2>>"$logfile")
  java -Dlog4j2.configurationFile="$home/log4j2.properties" -cp "$lib/*" kafka.tools.StorageTool format \
    -t "$cluster" -c "$config" >>"$logfile" 2>&1 ||
    fail "formatting $data failed; see $logfile"
}

start_broker() {
  local pid i
  if pid=$(running_pid); then
    grep -q "PLAINTEXT://127.0.0.1:$port," "$config" 2>/dev/null ||
      fail "this checkout's broker already runs (pid $pid) on another port: stop it (scripts/kafka.sh stop) or set GRIDCC_KAFKA_PORT to its port"
    answers || fail "this checkout's broker (pid $pid) runs but does not answer on $port; see $logfile"
    step "Kafka ready on 127.0.0.1:$port"
    return 0
  fi
  local taken
  for p in "$port" "$controller_port"; do
    taken=$(port_user "$p")
    [ -z "$taken" ] ||
      fail "port $p is taken by another program ($taken): stop it or choose another port with GRIDCC_KAFKA_PORT (the broker uses it and the one above it)"
  done
  apt_install iproute2
  install_jars
  write_config
  format_storage
  step "starting Kafka on 127.0.0.1:$port"
  # setsid: the broker outlives the shell that started it, like PostgreSQL, until kafka.sh stop.
  setsid java -Xms128m -Xmx256m -XX:+UseSerialGC -Dlog4j2.configurationFile="$home/log4j2.properties" \
    -cp "$lib/*" kafka.Kafka "$config" >>"$logfile" 2>&1 </dev/null &
  echo $! >"$pidfile"
  pid=$!
  for i in $(seq 1 120); do
    if ! kill -0 "$pid" 2>/dev/null; then
      rm -f "$pidfile"
      tail -n 20 "$logfile" >&2
      fail "Kafka did not start; its log: $logfile"
    fi
    answers && { step "Kafka ready on 127.0.0.1:$port"; return 0; }
    sleep 0.5
  done
  kill "$pid" 2>/dev/null || true
  rm -f "$pidfile"
  fail "Kafka did not answer on $port within 60 s; its log: $logfile"
}

case "${1:-start}" in
  start) start_broker ;;
  stop) stop_broker ;;
  *) fail "usage: scripts/kafka.sh [start|stop]" ;;
esac
