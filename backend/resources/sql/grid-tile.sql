-- One Mapbox Vector Tile of the grids of a version: one layer per level, each from the zoom
-- at which its polygons are big enough to read on a county wall map, and a households layer
-- (points, no personal data) from zoom 15. Geometry is simplified to one unit of the tile's
-- 4096-unit grid, which no one can see, before it is clipped and quantised.
-- A draft's tiles also carry a changes layer: what it adds, removes and reshapes.
-- Parameters: $1 z, $2 x, $3 y, $4 grid version id.
WITH tile AS (
    SELECT envelope, (ST_XMax(envelope) - ST_XMin(envelope)) / 4096 AS unit
      FROM (SELECT ST_TileEnvelope($1, $2, $3) AS envelope) e
),
grids AS (
    SELECT g.id, g.code, g.name, g.level,
           ST_AsMVTGeom(ST_SimplifyPreserveTopology(g.geom_3857, t.unit), t.envelope, 4096, 64, true) AS geom
      FROM grid g, tile t
     WHERE g.version_id = $4
       AND g.geom_3857 && t.envelope
       AND $1 >= CASE g.level WHEN 'county' THEN 0 WHEN 'township' THEN 6 WHEN 'village' THEN 8
                              WHEN 'group' THEN 12 WHEN 'base' THEN 13 ELSE 14 END
),
changes AS (
    SELECT c.code, c.change, ST_AsMVTGeom(ST_Transform(c.geom, 3857), t.envelope, 4096, 64, true) AS geom
      FROM draft_change c, tile t
     WHERE c.version_id = $4 AND ST_Transform(c.geom, 3857) && t.envelope
),
households AS (
    SELECT h.id, h.grid_code AS grid, ST_AsMVTGeom(h.point_3857, t.envelope, 4096, 0, true) AS geom
      FROM household h, tile t
     WHERE $1 >= 15 AND h.point_3857 && t.envelope
)
SELECT (SELECT coalesce(ST_AsMVT(l, 'county', 4096, 'geom', 'id'), '')
          FROM (SELECT id, code, name, level, geom FROM grids WHERE level = 'county' AND geom IS NOT NULL) l)
    || (SELECT coalesce(ST_AsMVT(l, 'township', 4096, 'geom', 'id'), '')
          FROM (SELECT id, code, name, level, geom FROM grids WHERE level = 'township' AND geom IS NOT NULL) l)
    || (SELECT coalesce(ST_AsMVT(l, 'village', 4096, 'geom', 'id'), '')
          FROM (SELECT id, code, name, level, geom FROM grids WHERE level = 'village' AND geom IS NOT NULL) l)
    || (SELECT coalesce(ST_AsMVT(l, 'group', 4096, 'geom', 'id'), '')
          FROM (SELECT id, code, name, level, geom FROM grids WHERE level = 'group' AND geom IS NOT NULL) l)
    || (SELECT coalesce(ST_AsMVT(l, 'base', 4096, 'geom', 'id'), '')
          FROM (SELECT id, code, name, level, geom FROM grids WHERE level = 'base' AND geom IS NOT NULL) l)
    || (SELECT coalesce(ST_AsMVT(l, 'special', 4096, 'geom', 'id'), '')
          FROM (SELECT id, code, name, level, geom FROM grids WHERE level = 'special' AND geom IS NOT NULL) l)
    || (SELECT coalesce(ST_AsMVT(l, 'changes', 4096, 'geom'), '')
          FROM (SELECT code, change, geom FROM changes WHERE geom IS NOT NULL) l)
    || (SELECT coalesce(ST_AsMVT(l, 'households', 4096, 'geom', 'id'), '')
          FROM (SELECT id, grid, geom FROM households WHERE geom IS NOT NULL) l) AS mvt
