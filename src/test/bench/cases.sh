#!/usr/bin/env bash
# Durable case intake: cases/s accepted by POST /api/cases against pgbench inserting the same rows.
#
# What is measured, on the bench database with the demo county, with the same number of clients
# on both sides (GRIDCC_BENCH_CASE_CLIENTS, 32), for GRIDCC_BENCH_SECONDS (15):
#  - ours: wrk keeping that many POST /api/cases in flight, after a 5 s warm-up, cycling over
#    20,000 cases at households drawn with a fixed seed (categories and channels mixed; hotline
#    and window cases give the grid code, the others the point). A case counts when it was
#    answered 201, which the API does only after the case and its first event are committed;
#    the rows are counted in the database afterwards to hold it to that. wrk, not the
#    CaseSimulator: the JDK's HttpClient spends more CPU per request than the service does,
#    and this machine has two cores.
#  - peer: pgbench, each transaction inserting one row into a scratch copy of gridcc."case"
#    (same columns, defaults, checks, indexes and foreign keys), one into a copy of case_event
#    and a Luoping case's three deadlines into a copy of case_deadline, as intake does: the
#    cluster's ceiling for the rows that make a case. The scratch schema is dropped afterwards.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

seconds=${GRIDCC_BENCH_SECONDS:-15}
clients=${GRIDCC_BENCH_CASE_CLIENTS:-32}
work=$(mktemp -d)
on_exit "rm -rf '$work'"
[ "$(bench_psql -c 'SELECT count(*) FROM unit')" != 0 ] ||
  fail "the bench database has no responsible units (it predates them): drop gridcc_bench and ./bench makes it anew"

# --- ours -------------------------------------------------------------------------------
bench_psql -c 'SELECT setseed(0.2026)' -c "
  SELECT CASE WHEN channel IN ('hotline_12345', 'window')
              THEN json_build_object('channel', channel, 'category', category, 'title', '群众诉求', 'gridCode', grid_code)
              ELSE json_build_object('channel', channel, 'category', category, 'title', '群众诉求',
                                     'location', json_build_object('lon', ST_X(point), 'lat', ST_Y(point))) END
    FROM (SELECT point, grid_code,
                 (ARRAY['grid_worker', 'grid_worker', 'grid_worker', 'hotline_12345', 'hotline_12345', 'online', 'window',
                        'deputy_station', 'patrol_inspector'])[1 + floor(random() * 9)::int] AS channel,
                 $(bench_random_category_sql) AS category
            FROM household WHERE grid_code IS NOT NULL ORDER BY random() LIMIT 20000) h" |
  sed 1d | wrk_post_script "$work/cases.lua" /api/cases "$work/answered"

read -r before last < <(bench_psql -c 'SELECT count(*), coalesce(max(id), 0) FROM "case"')
# The cases made here are deleted when the scenario ends (see bench_forget_cases_after).
on_exit "bench_forget_cases_after $last"
wrk_figures "${auth[@]}" "$GRIDCC_URL" "$clients" 5 "$work/cases.lua" >/dev/null  # warm the JIT
warm=$(cat "$work/answered")
out=$(wrk_figures "${auth[@]}" "$GRIDCC_URL" "$clients" "$seconds" "$work/cases.lua")
read -r rate p50 p99 <<<"$out"
answered=$((warm + $(cat "$work/answered")))
stored=$(($(bench_psql -c 'SELECT count(*) FROM "case"') - before))
[ "$stored" -ge "$answered" ] || fail "the API answered $answered cases but only $stored are in the database"
echo "intake: $answered cases answered 201, $stored new rows in \"case\"" >&2

# --- peer -------------------------------------------------------------------------------
on_exit "bench_psql -c 'SET client_min_messages = warning' -c 'DROP SCHEMA IF EXISTS bench_cases CASCADE'"
bench_psql <<'SQL'
SET client_min_messages = warning;
DROP SCHEMA IF EXISTS bench_cases CASCADE;
CREATE SCHEMA bench_cases;
CREATE SEQUENCE bench_cases.serial;
CREATE TABLE bench_cases."case" (LIKE gridcc."case" INCLUDING ALL);
CREATE SEQUENCE bench_cases.case_id OWNED BY bench_cases."case".id;
ALTER TABLE bench_cases."case" ALTER id SET DEFAULT nextval('bench_cases.case_id'),
  ADD FOREIGN KEY (grid_version) REFERENCES gridcc.grid_version (id),
  ADD FOREIGN KEY (unit_id) REFERENCES gridcc.unit (id);
CREATE TABLE bench_cases.case_event (LIKE gridcc.case_event INCLUDING ALL);
CREATE SEQUENCE bench_cases.case_event_id OWNED BY bench_cases.case_event.id;
ALTER TABLE bench_cases.case_event ALTER id SET DEFAULT nextval('bench_cases.case_event_id'),
  ADD FOREIGN KEY (case_id) REFERENCES bench_cases."case" (id);
CREATE TABLE bench_cases.case_deadline (LIKE gridcc.case_deadline INCLUDING ALL);
ALTER TABLE bench_cases.case_deadline ADD FOREIGN KEY (case_id) REFERENCES bench_cases."case" (id);
SQL
# A real base grid with its village committee, and the county's box for the points.
read -r version base unit < <(bench_psql -c "
  SELECT v.id, g.code, u.id FROM grid_version v JOIN grid g ON g.version_id = v.id AND g.level = 'base'
    JOIN unit u ON u.code = substr(g.code, 1, 12) WHERE v.status = 'published' ORDER BY g.code LIMIT 1")
read -r min_lon min_lat max_lon max_lat < <(bench_psql -c "
  SELECT ST_XMin(e), ST_YMin(e), ST_XMax(e), ST_YMax(e)
    FROM (SELECT ST_Extent(geom) AS e FROM grid WHERE version_id = $version AND level = 'county') s")
# No literal may hold a colon followed by a letter or digit: pgbench would take it for a variable.
cat >"$work/case.sql" <<SQL
\set lon $min_lon + random(0, 999999999) * ($max_lon - $min_lon) / 999999999.0
\set lat $min_lat + random(0, 999999999) * ($max_lat - $min_lat) / 999999999.0
BEGIN;
INSERT INTO bench_cases."case" (code, channel, category, risk, title, description, reporter_name, reporter_phone, point,
    grid_version, county_code, township_code, village_code, group_code, base_code, status, unit_id, rule_set, received_at)
VALUES ('530324-' || to_char(now(), 'YYYYMMDD') || '-' || lpad(nextval('bench_cases.serial')::text, 6, '0') || '-X',
    'grid_worker', 'neighbour_dispute', 'low', '邻里噪音纠纷', NULL, '张女士', '13812345678', ST_SetSRID(ST_MakePoint(:lon, :lat), 4326),
    $version, '${base:0:6}', '${base:0:9}', '${base:0:12}', '${base:0:15}', '$base', 'received', $unit, 'luoping', now())
RETURNING id \gset
INSERT INTO bench_cases.case_deadline (case_id, round, kind, position, started_by, due, warn_at, met_at, duty, provisional)
VALUES (:id, 0, 'CLAIM', 0, 'RECEIVED', now() + interval '24 hours', now() + interval '18 hours', NULL, true, false),
       (:id, 0, 'REPLY', 1, 'RECEIVED', now() + interval '72 hours', now() + interval '54 hours', NULL, true, false),
       (:id, 0, 'FINISH', 2, 'RECEIVED', now() + interval '7 days', now() + interval '6 days', NULL, true, false);
INSERT INTO bench_cases.case_event (case_id, type, actor, at, payload)
VALUES (:id, 'RECEIVED', 'channel/grid_worker', now(), jsonb_build_object('category', 'neighbour_dispute', 'risk', 'low',
    'grid', '$base', 'unitId', $unit, 'ruleSet', 'luoping', 'possibleDuplicates', jsonb_build_array()));
COMMIT;
SQL
mkdir -p "$work/log"
peer=$(cd "$work/log" && pgbench_tps "$work/case.sql" "$clients" "$seconds" --log --log-prefix=case)
read -r peer_p50 peer_p99 < <(pgbench_log_latencies ms "$work"/log/case.*)

printf 'cases accepted, %s clients\t%s\tpgbench case+event+deadlines insert\t%s\tcases/s\n' "$clients" "$rate" "$peer"
printf 'POST /api/cases p50\t%s\tpgbench transaction\t%s\tms\n' "$p50" "$peer_p50"
printf 'POST /api/cases p99\t%s\tpgbench transaction\t%s\tms\n' "$p99" "$peer_p99"
