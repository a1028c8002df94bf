-- Boundary drafts: a file of grid boundaries as GIS staff uploaded it, read, checked and
-- previewed before it is published. A draft's grids are a grid_version with status 'draft'
-- (the draft id is that version's id), so its tiles are served like any version's.

CREATE TABLE boundary_draft (
    version_id    integer PRIMARY KEY REFERENCES grid_version (id) ON DELETE CASCADE,
    -- The level the file replaces, and the subtree it replaces it in ('' for the whole county).
    level         text        NOT NULL CHECK (level IN ('township', 'village', 'group', 'base', 'special')),
    scope         text        NOT NULL DEFAULT '',
    -- The published version it was checked against; a publish needs it to be still published.
    base_version  integer     REFERENCES grid_version (id) ON DELETE SET NULL,
    state         text        NOT NULL CHECK (state IN ('reading', 'checking', 'ready', 'failed', 'published')),
    file_name     text        NOT NULL,
    format        text,
    encoding      text,
    mapping       jsonb,
    -- What reading the file noticed (no CRS given, encoding assumed, ...): warnings of every check.
    notes         jsonb       NOT NULL DEFAULT '[]'::jsonb,
    -- {step, done, total} while the job runs.
    progress      jsonb       NOT NULL DEFAULT '{}'::jsonb,
    -- Why the job failed (a problem body), for a draft in state 'failed'.
    failure       jsonb,
    created_at    timestamptz NOT NULL DEFAULT now()
);

-- The features as read, before any check: geometry may be missing, empty, invalid or not a polygon.
CREATE TABLE draft_feature (
    version_id   integer     NOT NULL REFERENCES boundary_draft (version_id) ON DELETE CASCADE,
    position     integer     NOT NULL,
    code         text,
    name         text,
    parent_code  text,
    head         text,
    geom         geometry(Geometry, 4326),
    -- Set when the draft's repairs were applied: geom is then make-valid's shape, which changed the area by this much.
    repaired_m2  double precision,
    PRIMARY KEY (version_id, position)
);
CREATE INDEX draft_feature_geom ON draft_feature USING gist (geom);

-- What a draft changes against its base version, drawn as the difference layer of its tiles.
CREATE TABLE draft_change (
    version_id  integer NOT NULL REFERENCES boundary_draft (version_id) ON DELETE CASCADE,
    code        text    NOT NULL,
    change      text    NOT NULL CHECK (change IN ('added', 'removed', 'reshaped')),
    -- added: the new shape; removed: the old one; reshaped: the area that changed hands.
    geom        geometry(Geometry, 4326) NOT NULL,
    PRIMARY KEY (version_id, code)
);
-- The households in the changed areas are found through this one; the tiles through the other.
CREATE INDEX draft_change_geom ON draft_change USING gist (geom);
CREATE INDEX draft_change_geom_3857 ON draft_change USING gist (ST_Transform(geom, 3857));
