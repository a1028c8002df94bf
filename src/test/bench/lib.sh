# Helpers for benchmark scenarios (sourced). Scenarios print their rows on stdout; everything
# else goes to stderr.

bench_repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)
. "$bench_repo/scripts/lib.sh"

# --- credentials ------------------------------------------------------------------------

# Every call to the service under test sends a bearer token, which ./bench makes (an admin's)
# and exports; the peers the figures are set against are called without it. For curl and wrk:
# curl "${auth[@]}" URL, wrk_figures "${auth[@]}" URL.
[ -n "${GRIDCC_TOKEN:-}" ] ||
  fail "GRIDCC_TOKEN is not set: run the scenario through ./bench, or export an admin's bearer token (POST /api/users/admin/tokens)"
auth=(-H "Authorization: Bearer $GRIDCC_TOKEN")

# --- clean-up ---------------------------------------------------------------------------

# Runs a command when the scenario exits; several may be registered, the last runs first.
# Their failures are ignored and do not change the scenario's exit status.
BENCH_ON_EXIT=()
on_exit() {
  BENCH_ON_EXIT=("$*" "${BENCH_ON_EXIT[@]}")
  trap 'bench_status=$?; set +e; for c in "${BENCH_ON_EXIT[@]}"; do eval "$c"; done; exit $bench_status' EXIT
}

# --- figures ----------------------------------------------------------------------------

# Numbers on stdin, one a line: prints "median (min-max)", or the one number when there is one.
spread() {
  sort -g | awk '{ v[NR] = $1 } END {
    if (NR == 0) { print "NaN"; exit }
    m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
    if (NR == 1) print m; else printf "%s (%s-%s)\n", m, v[1], v[NR] }'
}

# --- HTTP -------------------------------------------------------------------------------

# Runs wrk against a URL; prints "requests/s p50-ms p99-ms".
# Args: [-H header]... url [connections] [seconds] [lua script choosing the requests]
wrk_figures() {
  local headers=()
  while [ "$1" = -H ]; do headers+=(-H "$2"); shift 2; done
  local url=$1 connections=${2:-64} seconds=${3:-10} script=${4:-}
  wrk -t2 -c"$connections" -d"${seconds}s" --latency "${headers[@]}" ${script:+-s "$script"} "$url" | awk '
    function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000; return v }
    /^ +50%/ { p50 = ms($2) } /^ +99%/ { p99 = ms($2) } /^Requests\/sec/ { rps = $2 }
    /Non-2xx/ { bad = $NF }
    END { if (bad) { print "wrk saw " bad " non-2xx answers" > "/dev/stderr"; exit 1 }
          printf "%.0f %.2f %.2f\n", rps, p50, p99 }'
}

# Warms a service's JIT at full load: wrk in windows of 10 s until the JVM's compiler threads
# spend less than 0.2 s of CPU in one, for at most GRIDCC_BENCH_WARMUP seconds (90). A fixed
# warm-up measured the compilers, not the service: after 20 s of uncached tiles they still took
# 1.6 s of CPU in the next 10 s, from the two CPUs PostgreSQL needs (docs/benchmarks.md).
# Args: the JVM's pid, then wrk's arguments without -d
warm_up() {
  local pid=$1; shift
  local most=${GRIDCC_BENCH_WARMUP:-90} spent=0 before
  while [ "$spent" -lt "$most" ]; do
    before=$(jit_ticks "$pid")
    wrk -d10s "$@" >/dev/null
    spent=$((spent + 10))
    [ $(($(jit_ticks "$pid") - before)) -lt $(($(getconf CLK_TCK) / 5)) ] && break
  done
  echo "warm-up of pid $pid: $spent s" >&2
}

# CPU clock ticks (user and system) the JIT compiler threads of a JVM have spent. Args: pid
jit_ticks() {
  local task total=0
  for task in /proc/"$1"/task/*; do
    case $(cat "$task/comm" 2>/dev/null) in
      C1\ Compi* | C2\ Compi*) total=$((total + $(sed 's/.*) //' "$task/stat" | awk '{ print $12 + $13 }'))) ;;
    esac
  done
  echo "$total"
}

# Writes a wrk Lua script that cycles over the paths given on stdin (one a line); each of
# wrk's threads starts at another place in the list. Args: script file
wrk_paths_script() {
  {
    echo 'local paths = {'
    sed 's/.*/  "&",/'
    echo '}'
    cat <<'LUA'
local threads = 0
function setup(thread) thread:set("first", threads) threads = threads + 1 end
function init(args) i = math.floor((first or 0) * #paths / 2) end
function request() i = i % #paths + 1 return wrk.format("GET", paths[i]) end
LUA
  } >"$1"
}

# Serves a folder with nginx on a port in the background until the scenario exits.
nginx_serve() {
  local root=$1 port=$2 dir
  dir=$(mktemp -d)
  chmod 755 "$dir" "$root"
  cat >"$dir/nginx.conf" <<CONF
worker_processes auto;
daemon off;
pid $dir/nginx.pid;
error_log $dir/error.log;
events { worker_connections 1024; }
http {
  access_log off;
  types { application/vnd.mapbox-vector-tile mvt; }
  server { listen 127.0.0.1:$port; root $root; default_type application/json; }
}
CONF
  nginx -c "$dir/nginx.conf" -p "$dir" &
  NGINX_PID=$!
  on_exit "kill $NGINX_PID 2>/dev/null"
  for _ in $(seq 1 50); do
    [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/")" != 000 ] && return 0
    sleep 0.1
  done
  echo "nginx did not start; see $dir/error.log" >&2
  return 1
}

# Starts a second instance of the service under test (the copy ./bench staged in .run/bench)
# on a port, with extra environment (NAME=value ...), in the background; stops it when the
# scenario exits. Sets SERVICE_PID; its log is bench-results/service-PORT.log. Wait for it
# with: wait_ready http://127.0.0.1:PORT "$SERVICE_PID"
service_start() {
  local port=$1; shift
  port_free "$port" || fail "port $port is taken: cannot start a second service there"
  mkdir -p "$bench_repo/bench-results"
  env "$@" GRIDCC_HTTP_PORT="$port" java ${GRIDCC_JAVA_OPTS:-} -jar "$bench_repo/.run/bench/quarkus-run.jar" \
    >"$bench_repo/bench-results/service-$port.log" 2>&1 &
  SERVICE_PID=$!
  on_exit "kill $SERVICE_PID 2>/dev/null; wait $SERVICE_PID 2>/dev/null"
}

# --- Java -------------------------------------------------------------------------------

# Compiles the test sources (where the *Bench mains live) and asks Maven for the service's
# runtime classpath, as the pom names it (so it never lags behind the packaged app).
bench_java_compile() {
  (cd "$bench_repo" && ./mvnw -q -B -ntp test-compile dependency:build-classpath -DskipUi=true \
    -Dmdep.includeScope=runtime -Dmdep.outputFile="$bench_repo/target/bench.classpath") >&2 ||
    fail "the test sources do not compile (./mvnw test-compile)"
}

# Runs a main class of the test sources with the service's classes and dependencies, after
# bench_java_compile. Args: class [args...]
bench_java() {
  java ${GRIDCC_JAVA_OPTS:-} -Djava.util.logging.manager=org.jboss.logmanager.LogManager \
    -cp "$bench_repo/target/classes:$bench_repo/target/test-classes:$(cat "$bench_repo/target/bench.classpath")" "$@"
}

# --- the bench database -----------------------------------------------------------------

# Runs a command with libpq's environment pointing at the bench database as the service's
# role, with the service's search_path.
pg_env() {
  PGHOST=${GRIDCC_PG_HOST:-127.0.0.1} PGPORT=${GRIDCC_PG_PORT:-55432} PGDATABASE=${GRIDCC_DB_NAME:-gridcc_bench} \
    PGUSER=${GRIDCC_DB_USER:-gridcc} PGPASSWORD=${GRIDCC_DB_PASSWORD:-gridcc} \
    PGOPTIONS="-c search_path=gridcc,public" "$@"
}

# psql on the bench database: unaligned, tuples only, stops at the first error.
bench_psql() { pg_env psql -X -q -At -F ' ' -v ON_ERROR_STOP=1 "$@"; }

# Deletes the cases with an id above $1 and all that hangs off them, events included (the
# append-only trigger is lifted for it; the published mark of the stream goes back with them): a scenario leaves the bench database as it found it,
# or the next run measures another database (tens of thousands of cases received "today").
bench_forget_cases_after() {
  bench_psql <<SQL
BEGIN;
ALTER TABLE case_event DISABLE TRIGGER case_event_append_only;
DELETE FROM group_alert WHERE case_id > $1;
DELETE FROM deadline_alert WHERE case_id > $1;
DELETE FROM idempotency_key WHERE case_id > $1;
DELETE FROM case_link WHERE case_id > $1 OR other_id > $1;
DELETE FROM case_deadline WHERE case_id > $1;
DELETE FROM case_event WHERE case_id > $1;
UPDATE "case" SET merged_into = NULL WHERE merged_into > $1;
DELETE FROM "case" WHERE id > $1;
-- The stream's positions of the deleted events are given again: the relay publishes from here.
UPDATE stream_published SET seq = (SELECT coalesce(max(seq), 0) FROM case_event);
ALTER TABLE case_event ENABLE TRIGGER case_event_append_only;
COMMIT;
SQL
}

# The categories the scenarios' cases are drawn from, as a SQL expression picking one at random
# (disputes and urban management twice as often as the rest).
bench_random_category_sql() {
  echo "(ARRAY['neighbour_dispute', 'neighbour_dispute', 'urban_management', 'urban_management', 'land_dispute',
         'social_assistance', 'family_dispute', 'consultation', 'wage_arrears', 'environment', 'petition',
         'public_order', 'work_safety', 'medical_dispute'])[1 + floor(random() * 14)::int]"
}

# Prints 20,000 case bodies, one JSON a line, reported by grid workers at households drawn with a
# fixed seed (categories mixed): the same cases on every run and every database of the demo county.
bench_located_case_bodies() {
  bench_psql -c 'SELECT setseed(0.2026)' -c "
    SELECT json_build_object('channel', 'grid_worker', 'category', category, 'title', '群众诉求',
                             'location', json_build_object('lon', ST_X(point), 'lat', ST_Y(point)))
      FROM (SELECT point, $(bench_random_category_sql) AS category
              FROM household WHERE grid_code IS NOT NULL ORDER BY random() LIMIT 20000) h" | sed 1d
}

# Runs a pgbench script on the bench database (prepared statements, up to 2 threads) for some
# seconds; prints transactions/s. Args: script clients seconds [more pgbench options]
pgbench_tps() {
  local script=$1 clients=$2 seconds=$3; shift 3
  pg_env pgbench -n -M prepared -c "$clients" -j "$((clients < 2 ? clients : 2))" -T "$seconds" -f "$script" "$@" |
    awk '/^tps = / { tps = $3 } /^number of failed transactions: [1-9]/ { failed = $5 }
      END { if (failed || tps == "") { print "pgbench failed" (failed ? " (" failed " failed transactions)" : "") > "/dev/stderr"; exit 1 }
            printf "%.0f\n", tps }'
}

# Prints "p50 p99" of the transaction latencies in pgbench --log files. Args: ms|us file...
pgbench_log_latencies() {
  local divisor=1000; [ "$1" = us ] && divisor=1; shift
  awk -v d="$divisor" '{ print $3 / d }' "$@" | percentiles
}

# --- figures ----------------------------------------------------------------------------

# Reads numbers (one a line) and prints their p50 and p99 (nearest rank) with 2 decimals.
percentiles() {
  sort -g | awk '{ v[NR] = $1 }
    function rank(p) { r = int(p * NR); if (r < p * NR) r++; return v[r < 1 ? 1 : r] }
    END { if (NR == 0) { print "no values" > "/dev/stderr"; exit 1 }
          printf "%.2f %.2f\n", rank(0.50), rank(0.99) }'
}

# --- map tiles --------------------------------------------------------------------------

# The XYZ (slippy map) tile at a point. Args: lon lat zoom; prints "x y".
tile_at() {
  awk -v lon="$1" -v lat="$2" -v z="$3" 'BEGIN {
    pi = atan2(0, -1); n = 2 ^ z; r = lat * pi / 180
    x = int((lon + 180) / 360 * n); y = int((1 - log(sin(r) / cos(r) + 1 / cos(r)) / pi) / 2 * n)
    printf "%d %d\n", (x >= n ? n - 1 : x), (y >= n ? n - 1 : y) }'
}

# Every tile covering a box at some zooms, one "z x y" a line.
# Args: minLon minLat maxLon maxLat zoom...
tiles_covering() {
  local min_lon=$1 min_lat=$2 max_lon=$3 max_lat=$4 z x0 y0 x1 y1; shift 4
  for z in "$@"; do
    read -r x0 y0 < <(tile_at "$min_lon" "$max_lat" "$z")
    read -r x1 y1 < <(tile_at "$max_lon" "$min_lat" "$z")
    awk -v z="$z" -v x0="$x0" -v x1="$x1" -v y0="$y0" -v y1="$y1" \
      'BEGIN { for (x = x0; x <= x1; x++) for (y = y0; y <= y1; y++) print z, x, y }'
  done
}

# pgbench \set commands that pick one tile of a tiles_covering list at random into :z :x :y
# (each zoom's tiles are a rectangle: tile i is found by arithmetic). Args: list file
pgbench_pick_tile() {
  awk '!($1 in n) { zooms[++nz] = $1; x0[$1] = $2; y0[$1] = $3 }
    { n[$1]++; if ($2 < x0[$1]) x0[$1] = $2; if ($2 > x1[$1]) x1[$1] = $2; if ($3 < y0[$1]) y0[$1] = $3 }
    END {
      for (k = 1; k <= nz; k++) {
        z = zooms[k]; w = x1[z] - x0[z] + 1
        zc = zc sprintf(" when :i < %d then %d", start + n[z], z)
        xc = xc sprintf(" when :z = %d then %d + (:i - %d) %% %d", z, x0[z], start, w)
        yc = yc sprintf(" when :z = %d then %d + (:i - %d) / %d", z, y0[z], start, w)
        start += n[z]
      }
      printf "\\set i random(0, %d)\n\\set z case%s end\n\\set x case%s end\n\\set y case%s end\n", start - 1, zc, xc, yc
    }' "$1"
}

# --- cases ------------------------------------------------------------------------------

# Writes a wrk Lua script that POSTs the JSON bodies given on stdin (one a line) to a path in
# turn, each of wrk's threads from another place in the list, with wrk's -H headers (the
# credentials), and when wrk is done writes the number of answers it received to a file.
# Args: script file, path, answers file
wrk_post_script() {
  {
    echo 'local bodies = {'
    sed 's/.*/  [==[&]==],/'
    echo '}'
    cat <<LUA
local threads = 0
function setup(thread) thread:set("first", threads) threads = threads + 1 end
local headers = {}
function init(args)
  i = math.floor((first or 0) * #bodies / 2)
  -- Headers given to wrk.format replace wrk's own: copy the -H ones in.
  for name, value in pairs(wrk.headers) do headers[name] = value end
  headers["Content-Type"] = "application/json"
end
function request() i = i % #bodies + 1 return wrk.format("POST", "$2", headers, bodies[i]) end
function done(summary) local f = io.open("$3", "w") f:write(summary.requests, "\n") f:close() end
LUA
  } >"$1"
}
