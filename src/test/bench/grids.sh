#!/usr/bin/env bash
# Point -> grid lookups in process and grid vector tiles (cached, uncached) against PostGIS and nginx.
#
# What is measured, on the published grid version of the bench database (the demo county):
#  - point -> grid: GridLookupBench builds the service's GridIndex (JTS STRtree over the
#    polygons) and looks up random points of the county's bounding box on 2 threads in one
#    JVM; peer: pgbench, 2 clients, the same random points through ST_Contains with the GiST
#    index (every grid containing the point, as the index returns the chain).
#  - cached tiles: wrk, 64 connections, one z10 tile of the county's centre from the service
#    (served from its in-memory cache after the first request); peer: nginx, same bytes.
#  - uncached tiles: a second service instance with the cache off, 4 wrk connections cycling
#    over every tile covering the county at z10..z12; peer: the service's own tile SQL
#    (sql/grid-tile.sql) through pgbench over the same tiles, 4 clients, latencies from --log.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

seconds=${GRIDCC_BENCH_SECONDS:-10}
work=$(mktemp -d)
on_exit "rm -rf '$work'"

version=$(bench_psql -c "SELECT id FROM grid_version WHERE status = 'published'")
[ -n "$version" ] || fail "no grid version is published in ${GRIDCC_DB_NAME:-gridcc_bench}: is GRIDCC_DEMO_COUNTY set?"
read -r min_lon min_lat max_lon max_lat < <(bench_psql -c "
  SELECT ST_XMin(e), ST_YMin(e), ST_XMax(e), ST_YMax(e)
    FROM (SELECT ST_Extent(geom) AS e FROM grid WHERE version_id = $version AND level = 'county') s")
[ -n "$max_lat" ] || fail "grid version $version has no county grid"
echo "grid version $version, county box $min_lon,$min_lat .. $max_lon,$max_lat" >&2

# The service without its tile cache, started now so that it is up when its turn comes.
uncached_port=${GRIDCC_BENCH_UNCACHED_PORT:-$((GRIDCC_HTTP_PORT + 2))}
uncached=http://127.0.0.1:$uncached_port
service_start "$uncached_port" QUARKUS_CACHE_ENABLED=false
uncached_pid=$SERVICE_PID
bench_java_compile
wait_ready "$uncached" "$uncached_pid" ||
  fail "the second service (cache off) did not start; see bench-results/service-$uncached_port.log"

# --- point -> grid ----------------------------------------------------------------------
out=$(bench_java org.gridcc.bench.GridLookupBench "$min_lon" "$min_lat" "$max_lon" "$max_lat" \
  "${GRIDCC_BENCH_LOOKUPS_MILLIONS:-4}" 2)
read -r lookups lookup_p50 lookup_p99 _ <<<"$out"
cat >"$work/contains.sql" <<SQL
\set lon $min_lon + random(0, 999999999) * ($max_lon - $min_lon) / 999999999.0
\set lat $min_lat + random(0, 999999999) * ($max_lat - $min_lat) / 999999999.0
SELECT code, level FROM grid WHERE version_id = $version AND ST_Contains(geom, ST_SetSRID(ST_MakePoint(:lon, :lat), 4326));
SQL
mkdir -p "$work/contains"
contains=$(cd "$work/contains" && pgbench_tps "$work/contains.sql" 2 "$seconds" --log --log-prefix=contains)
read -r peer_lookup_p50 peer_lookup_p99 < <(pgbench_log_latencies us "$work"/contains/contains.*)

printf 'point -> grid, 2 threads\t%s\tpgbench ST_Contains\t%s\tops/s\n' "$lookups" "$contains"
printf 'point -> grid p50\t%s\tpgbench ST_Contains\t%s\tus\n' "$(awk -v ns="$lookup_p50" 'BEGIN { printf "%.2f", ns / 1000 }')" "$peer_lookup_p50"
printf 'point -> grid p99\t%s\tpgbench ST_Contains\t%s\tus\n' "$(awk -v ns="$lookup_p99" 'BEGIN { printf "%.2f", ns / 1000 }')" "$peer_lookup_p99"

# --- cached tiles -----------------------------------------------------------------------
read -r x y < <(tile_at "$(awk -v a="$min_lon" -v b="$max_lon" 'BEGIN { print (a + b) / 2 }')" \
  "$(awk -v a="$min_lat" -v b="$max_lat" 'BEGIN { print (a + b) / 2 }')" 10)
url=$GRIDCC_URL/tiles/grids/10/$x/$y.mvt
www=$(mktemp -d)  # nginx's workers must reach it: not under $work
on_exit "rm -rf '$www'"
[ "$(curl -fsS "${auth[@]}" -o "$www/tile.mvt" -w '%{http_code}' "$url")" = 200 ] || fail "$url is not a tile with content"
echo "cached tile $url: $(stat -c %s "$www/tile.mvt") bytes" >&2
peer_port=${GRIDCC_BENCH_PEER_PORT:-8090}
nginx_serve "$www" "$peer_port"

warm_up "$GRIDCC_SERVICE_PID" -t2 -c64 "${auth[@]}" "$url"
read -r rps p50 p99 < <(wrk_figures "${auth[@]}" "$url" 64 "$seconds")
read -r peer_rps peer_p50 peer_p99 < <(wrk_figures "http://127.0.0.1:$peer_port/tile.mvt" 64 "$seconds")

printf 'tile z10 cached, 64 connections\t%s\tnginx static file\t%s\treq/s\n' "$rps" "$peer_rps"
printf 'tile z10 cached p50\t%s\tnginx static file\t%s\tms\n' "$p50" "$peer_p50"
printf 'tile z10 cached p99\t%s\tnginx static file\t%s\tms\n' "$p99" "$peer_p99"

# --- uncached tiles ---------------------------------------------------------------------
tiles_covering "$min_lon" "$min_lat" "$max_lon" "$max_lat" 10 11 12 >"$work/tiles"
awk '{ printf "/tiles/grids/%d/%d/%d.mvt\n", $1, $2, $3 }' "$work/tiles" | wrk_paths_script "$work/tiles.lua"
echo "uncached tiles: $(wc -l <"$work/tiles") tiles covering the county at z10..z12" >&2

warm_up "$uncached_pid" -t2 -c4 "${auth[@]}" -s "$work/tiles.lua" "$uncached"  # nothing is kept
read -r tile_rps tile_p50 tile_p99 < <(wrk_figures "${auth[@]}" "$uncached" 4 "$seconds" "$work/tiles.lua")
if curl -fsS "$uncached/q/metrics" | grep -q '^cache_gets_total{.*cache="grid-tiles".*result="hit".* [1-9]'; then
  fail "the service started with QUARKUS_CACHE_ENABLED=false still answers tiles from its cache"
fi

# The tile SQL with pgbench variables for its parameters, the tile picked from the same list.
# The levels a tile of zoom :z carries ($5), as the service names them: from the service's own table
# of levels (GET /api/grids/levels, each with the zoom its tiles carry it from).
levels=$(curl -fsS "$GRIDCC_URL/api/grids/levels" | node -e '
  const levels = JSON.parse(require("fs").readFileSync(0, "utf8"));
  console.log(levels.map((l) => `(\x27${l.layer}\x27, ${l.tilesFrom})`).join(", "));')
carried="ARRAY(SELECT layer FROM (VALUES $levels) l(layer, tiles_from) WHERE tiles_from <= :z)"
tile_sql=$(grep -v '^ *--' "$bench_repo/backend/resources/sql/grid-tile.sql" |
  sed -e 's/\$1/:z/g' -e 's/\$2/:x/g' -e 's/\$3/:y/g' -e 's/\$4/:v/g')
{
  pgbench_pick_tile "$work/tiles"
  echo "\\set v $version"
  echo "${tile_sql//\$5::text\[\]/$carried}"
  echo ';'
} >"$work/tile.sql"
mkdir -p "$work/log"
tile_tps=$(cd "$work/log" && pgbench_tps "$work/tile.sql" 4 "$seconds" --log --log-prefix=tile)
read -r peer_tile_p50 peer_tile_p99 < <(pgbench_log_latencies ms "$work"/log/tile.*)

printf 'tiles z10-12 uncached, 4 conns\t%s\tpgbench ST_AsMVT SQL\t%s\treq/s\n' "$tile_rps" "$tile_tps"
printf 'tiles z10-12 uncached p50\t%s\tpgbench ST_AsMVT SQL\t%s\tms\n' "$tile_p50" "$peer_tile_p50"
printf 'tiles z10-12 uncached p99\t%s\tpgbench ST_AsMVT SQL\t%s\tms\n' "$tile_p99" "$peer_tile_p99"
