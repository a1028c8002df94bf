#!/usr/bin/env bash
# The wall under load: frame time p95/p99 in headless Chromium at 1,000 grid updates/s, and time to first coloured map.
#
# What is measured, on the bench database with the demo county, by one Node process per side
# (src/test/bench/ui/wall.mjs, with playwright-core driving Debian's /usr/bin/chromium, never a
# browser of its own) opening ${GRIDCC_URL}/wall?live=ws://127.0.0.1:PORT/live#token=... at
# 1920x1080 (the token: the display token ./bench makes for the wall user bench-wall,
# GRIDCC_WALL_TOKEN, given as an administrator opens a wall):
#  - the feed: src/test/bench/ui/feeder.mjs, a /live-compatible WebSocket on a free port, so
#    that the rate is exact and the service's own load stays out of the browser's figures. A
#    snapshot (a third of the base grids open, with their groups, villages, townships and the
#    county), then every 200 ms a delta changing GRIDCC_BENCH_UI_UPDATES / 5 grids (200: 1,000
#    grid updates/s) - base grids in turn, each with its ancestors, so the level the wall shows
#    changes too - states cycling {open, warned, overdue, hot, topCategory}, 4 ticker events and
#    the KPIs; a heartbeat every 15 s. Real grid codes of the published version, read here.
#    Tiles, categories and the page itself come from the service.
#  - time to first coloured map: from navigation start (a fresh browser profile) to the first
#    frame MapLibre draws with every tile loaded and grids of the shown level coloured by state
#    (its render event, queryRenderedFeatures with a feature-state). The peer run goes first,
#    so the service's tile cache is warm for ours, whatever ran before; the feed answers at
#    once (the service's snapshot takes longer).
#  - frame times: after GRIDCC_BENCH_UI_WARMUP (3 s), a requestAnimationFrame loop in the page
#    records the interval between frames for GRIDCC_BENCH_SECONDS (15) while the feed runs;
#    p50/p95/p99 (target: p95 <= 20 ms) and the dropped 60 Hz frames (an interval of n frames
#    counts n - 1).
#  - peer: the same page, browser and feed with no updates (snapshot and heartbeats only): the
#    idle wall, the floor of the same renderer. Its run also logs (stderr) the frame time with
#    the map redrawn every frame and nothing changed: what one full redraw costs this renderer.
#    Both runs log the main-thread tasks over 50 ms while measured (the page's own work).
#  - memory: the page's JS heap after a full collection (gc(), --js-flags=--expose-gc) before
#    and after the measured seconds; its growth under updates beside the idle wall's. Run it
#    longer (GRIDCC_BENCH_SECONDS=300) for a stronger answer to "runs for days".
# Headless Chromium here has no GPU: WebGL runs on SwiftShader (--use-angle=swiftshader), so
# these are the software renderer's frame times on this machine's CPUs, not a wall's GPU.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

ui=$bench_repo/src/test/bench/ui
seconds=${GRIDCC_BENCH_SECONDS:-15}
updates=${GRIDCC_BENCH_UI_UPDATES:-1000}
work=$(mktemp -d)
on_exit "rm -rf '$work'"

command -v node >/dev/null || fail "node is missing (the map pages need it too): install Node.js 20"
[ -n "${GRIDCC_WALL_TOKEN:-}" ] || fail "GRIDCC_WALL_TOKEN is not set: run the scenario through ./bench, which makes a wall's display token"
[ -x /usr/bin/chromium ] || apt_install chromium
(cd "$ui" && npm install --no-audit --no-fund --loglevel=error) >&2 || fail "npm install in src/test/bench/ui failed"

version=$(bench_psql -c "SELECT id FROM grid_version WHERE status = 'published'")
[ -n "$version" ] || fail "the bench database has no published grid version"
# Every base grid with its group, village and township: "base group village township".
bench_psql -c "
  SELECT b.code, g.code, v.code, t.code
    FROM grid b
    JOIN grid g ON g.version_id = b.version_id AND g.code = b.parent_code
    JOIN grid v ON v.version_id = b.version_id AND v.code = g.parent_code
    JOIN grid t ON t.version_id = b.version_id AND t.code = v.parent_code
   WHERE b.version_id = $version AND b.level = 'base' AND g.level = 'group' AND v.level = 'village'
     AND t.level = 'township'
   ORDER BY b.code" >"$work/codes"
[ -s "$work/codes" ] || fail "the bench database has no base grids"
echo "$(wc -l <"$work/codes") base grids with their groups, villages and townships" >&2

# Runs one side; prints "first-coloured-ms p50 p95 p99 dropped". Args: grid updates/s
wall() {
  node "$ui/wall.mjs" --url "$GRIDCC_URL" --token="$GRIDCC_WALL_TOKEN" --county "${GRIDCC_DEMO_COUNTY:-530324}" --codes "$work/codes" \
    --updates "$1" --seconds "$seconds" --warmup "${GRIDCC_BENCH_UI_WARMUP:-3}"
}

# --- peer: the idle wall (first, see above) ---------------------------------------------
read -r peer_first peer_p50 peer_p95 peer_p99 peer_dropped peer_heap <<<"$(wall 0)"
echo "idle wall: first coloured map after $peer_first ms (browser cold, service as found)" >&2

# --- ours -------------------------------------------------------------------------------
read -r first p50 p95 p99 dropped heap <<<"$(wall "$updates")"

label="$(sed -E ':a; s/([0-9])([0-9]{3})($|,)/\1,\2\3/; ta' <<<"$updates") grid updates/s"
printf 'wall frame time p50, %s\t%s\tidle wall (no updates)\t%s\tms\n' "$label" "$p50" "$peer_p50"
printf 'wall frame time p95, %s\t%s\tidle wall (no updates)\t%s\tms\n' "$label" "$p95" "$peer_p95"
printf 'wall frame time p99, %s\t%s\tidle wall (no updates)\t%s\tms\n' "$label" "$p99" "$peer_p99"
printf 'wall dropped frames in %s s, %s\t%s\tidle wall (no updates)\t%s\tframes\n' "$seconds" "$label" "$dropped" "$peer_dropped"
printf 'time to first coloured map\t%s\t-\t0\tms\n' "$first"
printf 'wall JS heap growth in %s s (after gc), %s\t%s\tidle wall (no updates)\t%s\tMB\n' "$seconds" "$label" "$heap" "$peer_heap"
