#!/usr/bin/env bash
# Boundary draft check and publish at county scale: the base level as a GBK Shapefile in Gauss-Kruger, publish, rollback.
#
# The bench database's demo county (罗平县: 8,057 base grids, 150,458 households; the
# architecture's target names 2,532 base grids with as many households) is exported as GIS
# staff would receive it: every base grid, with every third group's first two grids merged (so
# a part of the county really changes), reprojected by ogr2ogr to CGCS2000 3-degree
# Gauss-Kruger CM 105E (EPSG:4544) with a GBK DBF, zipped. Measured:
#  - check: upload to a ready report (reading, reprojection, every check, who would move);
#  - publish: the publish transaction (households in the changed areas and open cases re-assigned);
#  - rollback: the version before published again, where every household is looked up again.
# No peer: the figure beside each is the architecture's target (10 s for a publish).
set -euo pipefail
. "$(dirname "$0")/lib.sh"

apt_install gdal-bin zip
url=${GRIDCC_URL:-http://127.0.0.1:8080}
work=$(mktemp -d)
on_exit "rm -rf '$work'"

version=$(bench_psql -c "SELECT id FROM grid_version WHERE status = 'published'")
[ -n "$version" ] || fail "no grid version is published in ${GRIDCC_DB_NAME:-gridcc_bench}"
bench_psql -o "$work/grids.geojson" -c "
  WITH pairs AS (
    SELECT DISTINCT ON (g.code) a.code AS a, b.code AS b
      FROM grid g
      JOIN grid a ON a.version_id = g.version_id AND a.parent_code = g.code
      JOIN grid b ON b.version_id = g.version_id AND b.parent_code = g.code AND a.code < b.code
     WHERE g.version_id = $version AND g.level = 'group' AND right(g.code, 3)::int % 3 = 0
       AND ST_Relate(a.geom, b.geom, 'F***1****')
     ORDER BY g.code, a.code, b.code),
  features AS (
    SELECT g.code, g.name, coalesce((SELECT ST_Union(g.geom, m.geom) FROM pairs p JOIN grid m ON m.version_id = $version AND m.code = p.b
                                      WHERE p.a = g.code), g.geom) AS geom
      FROM grid g
     WHERE g.version_id = $version AND g.level = 'base' AND g.code NOT IN (SELECT b FROM pairs))
  SELECT json_build_object('type', 'FeatureCollection', 'features', json_agg(json_build_object(
           'type', 'Feature', 'properties', json_build_object('CODE', code, 'NAME', name),
           'geometry', ST_AsGeoJSON(geom, 9)::json)))
    FROM features"
mkdir "$work/shp"
ogr2ogr -f "ESRI Shapefile" -t_srs EPSG:4544 -lco ENCODING=CP936 "$work/shp/grids.shp" "$work/grids.geojson"
(cd "$work/shp" && zip -q ../grids.zip grids.*)
features=$(bench_psql -c "SELECT count(*) FROM grid WHERE version_id = $version AND level = 'base'")
echo "version $version: $features base grids; upload $(du -h "$work/grids.zip" | cut -f1) zipped" >&2

now_ms() { date +%s%3N; }
started=$(now_ms)
draft=$(curl -sf "${auth[@]}" -F file=@"$work/grids.zip" -F level=base -F label="bench $(date +%H:%M)" "$url/api/boundaries/drafts" |
  sed -E 's/^\{"id":([0-9]+).*/\1/')
[[ $draft =~ ^[0-9]+$ ]] || fail "the upload was refused"
state=
until [ "$state" = ready ] || [ "$state" = failed ]; do
  sleep 0.2
  state=$(bench_psql -c "SELECT state FROM boundary_draft WHERE version_id = $draft")
done
checked=$(($(now_ms) - started))
[ "$state" = ready ] || fail "draft $draft failed: $(bench_psql -c "SELECT failure FROM boundary_draft WHERE version_id = $draft")"
read -r publishable errors moving < <(bench_psql -c "
  SELECT report ->> 'publishable', report ->> 'errors', report -> 'changes' ->> 'householdsMoving' FROM grid_version WHERE id = $draft")
[ "$publishable" = true ] || fail "draft $draft has $errors errors: see GET /api/boundaries/drafts/$draft"
echo "draft $draft checked in $checked ms: $moving households would move" >&2

millis() { sed -E 's/.*"millis":([0-9]+).*/\1/'; }
published=$(curl -sf "${auth[@]}" -X POST "$url/api/boundaries/drafts/$draft/publish" | millis)
rolled=$(curl -sf "${auth[@]}" -X POST "$url/api/boundaries/versions/$version/rollback" | millis)
on_exit "bench_psql -c 'DELETE FROM grid_version WHERE id = $draft AND status <> '\"'published'\"'' >/dev/null"

printf 'check %s base grids (upload to report)\t%s\ttarget (none set)\t0\tms\n' "$features" "$checked"
printf 'publish (%s households moved)\t%s\ttarget\t10000\tms\n' "$moving" "$published"
printf 'rollback (every household looked up)\t%s\ttarget\t10000\tms\n' "$rolled"
