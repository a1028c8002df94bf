-- Core tables of the command centre. All geometry is EPSG:4326 (lon/lat, WGS 84 /
-- CGCS2000 agree to well under a metre at county scale). PostGIS lives in schema public,
-- created by scripts/postgis.sh as superuser; these tables live in schema gridcc.

-- A set of grid boundaries. Exactly one version is published at a time.
CREATE TABLE grid_version (
    id            serial PRIMARY KEY,
    label         text        NOT NULL CHECK (length(btrim(label)) > 0),
    status        text        NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'published', 'retired')),
    source_file   text,
    crs           text,
    report        jsonb,
    created_at    timestamptz NOT NULL DEFAULT now(),
    published_at  timestamptz,
    retired_at    timestamptz,
    CHECK (status <> 'published' OR published_at IS NOT NULL)
);
CREATE UNIQUE INDEX grid_version_one_published ON grid_version ((true)) WHERE status = 'published';

-- One polygon of one level in one version. Codes follow the division codes: county 6 digits,
-- township 9, village 12, then 3-digit serials below.
CREATE TABLE grid (
    id           bigserial PRIMARY KEY,
    version_id   integer     NOT NULL REFERENCES grid_version (id) ON DELETE CASCADE,
    code         text        NOT NULL CHECK (code ~ '^[0-9]{6}([0-9]{3})*$'),
    level        text        NOT NULL CHECK (level IN ('county', 'township', 'village', 'group', 'base', 'special')),
    parent_code  text,
    name         text        NOT NULL CHECK (length(btrim(name)) > 0),
    geom         geometry(MultiPolygon, 4326) NOT NULL
                 CONSTRAINT grid_geom_valid CHECK (ST_IsValid(geom) AND NOT ST_IsEmpty(geom)),
    -- Web Mercator for the vector tiles: transformed once on write, not for every tile.
    geom_3857    geometry(MultiPolygon, 3857) GENERATED ALWAYS AS (ST_Transform(geom, 3857)) STORED,
    head         text,
    workers      integer     NOT NULL DEFAULT 0 CHECK (workers >= 0),
    CONSTRAINT grid_code_unique_per_version UNIQUE (version_id, code),
    CONSTRAINT grid_has_parent CHECK ((level = 'county') = (parent_code IS NULL))
);
CREATE INDEX grid_geom_gist ON grid USING gist (geom);
CREATE INDEX grid_geom_3857_gist ON grid USING gist (geom_3857);
CREATE INDEX grid_parent ON grid (version_id, parent_code);
CREATE INDEX grid_level ON grid (version_id, level);

-- A household as a point; no personal data. grid_code is its finest grid in the
-- published version and is re-assigned when a version is published.
CREATE TABLE household (
    id         bigserial PRIMARY KEY,
    code       text NOT NULL UNIQUE,
    point      geometry(Point, 4326) NOT NULL CHECK (NOT ST_IsEmpty(point)),
    point_3857 geometry(Point, 3857) GENERATED ALWAYS AS (ST_Transform(point, 3857)) STORED,
    grid_code  text,
    address    text
);
CREATE INDEX household_point_gist ON household USING gist (point);
CREATE INDEX household_point_3857_gist ON household USING gist (point_3857);
-- Codes nest by prefix, so a grid's households are those whose code starts with its code.
CREATE INDEX household_grid ON household (grid_code text_pattern_ops);

-- A responsible body: village committee, township office, county department.
CREATE TABLE unit (
    id         serial PRIMARY KEY,
    code       text NOT NULL UNIQUE,
    name       text NOT NULL,
    level      text NOT NULL CHECK (level IN ('village', 'township', 'county')),
    grid_code  text NOT NULL,
    -- County departments serve categories of cases; committees and offices serve all (NULL).
    category   text
);
CREATE INDEX unit_grid ON unit (grid_code);

-- A case (事项): request, dispute or petition. One case, one code.
CREATE TABLE "case" (
    id              bigserial PRIMARY KEY,
    code            text        NOT NULL UNIQUE,
    channel         text        NOT NULL CHECK (channel IN ('grid_worker', 'window', 'hotline_12345', 'online', 'deputy_station', 'patrol_inspector', 'open311')),
    category        text        NOT NULL,
    risk            text        NOT NULL CHECK (risk IN ('low', 'medium', 'high')),
    title           text        NOT NULL CHECK (length(btrim(title)) > 0),
    description     text,
    reporter_name   text,
    reporter_phone  text,
    point           geometry(Point, 4326),
    grid_version    integer REFERENCES grid_version (id),
    county_code     text,
    township_code   text,
    village_code    text,
    group_code      text,
    base_code       text,
    status          text        NOT NULL,
    unit_id         integer REFERENCES unit (id),
    rule_set        text        NOT NULL,
    supervised      boolean     NOT NULL DEFAULT false,
    leader          jsonb,
    received_at     timestamptz NOT NULL,
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    version         integer     NOT NULL DEFAULT 0
);
CREATE INDEX case_point_gist ON "case" USING gist (point);
CREATE INDEX case_base_grid ON "case" (base_code);
CREATE INDEX case_status ON "case" (status);

-- The history of every case (全程留痕): one row per state change, written in the same
-- transaction as the case row. Append-only: it is also the live stream and the audit trail.
CREATE TABLE case_event (
    id        bigserial PRIMARY KEY,
    case_id   bigint      NOT NULL REFERENCES "case" (id),
    type      text        NOT NULL,
    actor     text        NOT NULL,
    at        timestamptz NOT NULL DEFAULT now(),
    payload   jsonb       NOT NULL DEFAULT '{}'::jsonb
);
CREATE INDEX case_event_case ON case_event (case_id, id);

CREATE FUNCTION case_event_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'case_event is append-only: % refused', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END $$;
CREATE TRIGGER case_event_append_only
    BEFORE UPDATE OR DELETE ON case_event
    FOR EACH ROW EXECUTE FUNCTION case_event_refuse_change();
CREATE TRIGGER case_event_no_truncate
    BEFORE TRUNCATE ON case_event
    FOR EACH STATEMENT EXECUTE FUNCTION case_event_refuse_change();

-- Days that differ from the ordinary Monday-Friday week: official holidays (off) and
-- swapped workdays on a weekend (work).
CREATE TABLE calendar_day (
    day   date PRIMARY KEY,
    kind  text NOT NULL CHECK (kind IN ('off', 'work')),
    note  text
);

-- 2026: State Council notice of 2025-11-04.
INSERT INTO calendar_day (day, kind, note)
SELECT d::date, 'off', note
  FROM (VALUES ('2026-01-01', '2026-01-03', '元旦'),
               ('2026-02-15', '2026-02-23', '春节'),
               ('2026-04-04', '2026-04-06', '清明节'),
               ('2026-05-01', '2026-05-05', '劳动节'),
               ('2026-06-19', '2026-06-21', '端午节'),
               ('2026-09-25', '2026-09-27', '中秋节'),
               ('2026-10-01', '2026-10-07', '国庆节')) AS h (first, last, note),
       generate_series(first::date, last::date, interval '1 day') AS d;
INSERT INTO calendar_day (day, kind, note) VALUES
    ('2026-01-04', 'work', '元旦调休上班'),
    ('2026-02-14', 'work', '春节调休上班'),
    ('2026-02-28', 'work', '春节调休上班'),
    ('2026-05-09', 'work', '劳动节调休上班'),
    ('2026-09-20', 'work', '国庆节调休上班'),
    ('2026-10-10', 'work', '国庆节调休上班');
