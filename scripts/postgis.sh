#!/usr/bin/env bash
# Installs PostgreSQL 15 + PostGIS 3 when missing and runs a private cluster for this
# checkout: data in <repo>/.pgdata (gitignored; GRIDCC_PG_DIR moves it), port $GRIDCC_PG_PORT (default 55432),
# loopback only. Creates the role and the databases given as arguments (default: gridcc),
# each with the postgis extension. Idempotent: a second call only checks.
#
#   scripts/postgis.sh [database ...]
set -euo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd)
. "$repo/scripts/lib.sh"

port=${GRIDCC_PG_PORT:-55432}
role=${GRIDCC_DB_USER:-gridcc}
password=${GRIDCC_DB_PASSWORD:-gridcc}
pgbin=/usr/lib/postgresql/15/bin
home=${GRIDCC_PG_DIR:-$repo/.pgdata}
data=$home/data
sockets=$home/run
logfile=$home/postgres.log
databases=("$@")
[ ${#databases[@]} -gt 0 ] || databases=(gridcc)

# PostgreSQL refuses to run as root: as root the cluster belongs to the postgres OS user
# that the Debian package creates; otherwise to the calling user.
as_owner() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

psql_admin() {
  PGOPTIONS="-c client_min_messages=warning" as_owner "$pgbin/psql" -X -q -v ON_ERROR_STOP=1 -h "$sockets" -p "$port" -d postgres "$@"
}

make_cluster() {
  [ -f "$data/PG_VERSION" ] && return 0
  step "creating a private cluster in $data"
  mkdir -p "$data" "$sockets"
  [ "$(id -u)" -eq 0 ] && chown -R postgres: "$home"
  as_owner test -w "$data" ||
    fail "the postgres user cannot write $data: make the folders above the repository traversable (chmod o+x) or clone it elsewhere"
  as_owner "$pgbin/initdb" -D "$data" -U postgres -E UTF8 --locale=C.UTF-8 \
    --auth-local=peer --auth-host=scram-sha-256 >/dev/null
  cat >>"$data/postgresql.conf" <<CONF
listen_addresses = '127.0.0.1'
unix_socket_directories = '$sockets'
max_connections = 200
shared_buffers = 256MB
fsync = on
CONF
}

start_cluster() {
  if as_owner "$pgbin/pg_ctl" -D "$data" status >/dev/null 2>&1; then
    local running_port
    running_port=$(sed -n 4p "$data/postmaster.pid")
    [ "$running_port" = "$port" ] ||
      fail "this checkout's cluster already runs on port $running_port, not $port: stop it ($pgbin/pg_ctl -D $data stop) or set GRIDCC_PG_PORT=$running_port"
    return 0
  fi
  local taken
  taken=$(port_user "$port")
  [ -z "$taken" ] ||
    fail "port $port is taken by another program ($taken): stop it or choose another port with GRIDCC_PG_PORT"
  step "starting PostgreSQL on 127.0.0.1:$port"
  as_owner "$pgbin/pg_ctl" -D "$data" -l "$logfile" -o "-p $port" -w -t 60 start >/dev/null ||
    fail "PostgreSQL did not start; its log: $logfile"
}

make_databases() {
  psql_admin -v role="$role" -v password="$password" <<'SQL'
SELECT format('CREATE ROLE %I LOGIN PASSWORD %L', :'role', :'password')
 WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = :'role') \gexec
SQL
  local db
  for db in "${databases[@]}"; do
    psql_admin -v db="$db" -v role="$role" <<'SQL'
SELECT format('CREATE DATABASE %I OWNER %I', :'db', :'role')
 WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = :'db') \gexec
SQL
    # The extension is created by the superuser so that the application role needs no
    # superuser rights; Flyway then finds it in place.
    PGOPTIONS="-c client_min_messages=warning" as_owner "$pgbin/psql" -X -q -v ON_ERROR_STOP=1 -h "$sockets" -p "$port" -d "$db" \
      -c 'CREATE EXTENSION IF NOT EXISTS postgis' >/dev/null
  done
}

apt_install postgresql-15 postgresql-15-postgis-3 iproute2 curl
make_cluster
start_cluster
make_databases
step "PostGIS ready on 127.0.0.1:$port (databases: ${databases[*]})"
