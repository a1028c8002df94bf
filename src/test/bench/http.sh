#!/usr/bin/env bash
# A small authenticated JSON read (GET /api/calendar/2026) against nginx serving the same bytes.
# The floor under every API figure: what the HTTP edge, the bearer token's check, validation and
# JSON cost against a static file server on the same machine. (The year is read through Hibernate
# Reactive once and kept until a year is loaded: sla.CalendarService.)
set -euo pipefail
. "$(dirname "$0")/lib.sh"

url=$GRIDCC_URL/api/calendar/2026
www=$(mktemp -d)
curl -fsS "${auth[@]}" "$url" >"$www/calendar.json"
nginx_serve "$www" "${GRIDCC_BENCH_PEER_PORT:-8090}"

wrk -t2 -c16 -d3s "${auth[@]}" "$url" >/dev/null  # warm the JIT
read -r rps p50 p99 < <(wrk_figures "${auth[@]}" "$url")
read -r peer_rps peer_p50 peer_p99 < <(wrk_figures "http://127.0.0.1:${GRIDCC_BENCH_PEER_PORT:-8090}/calendar.json")

printf 'calendar read, 64 connections\t%s\tnginx static file\t%s\treq/s\n' "$rps" "$peer_rps"
printf 'calendar read p50\t%s\tnginx static file\t%s\tms\n' "$p50" "$peer_p50"
printf 'calendar read p99\t%s\tnginx static file\t%s\tms\n' "$p99" "$peer_p99"
