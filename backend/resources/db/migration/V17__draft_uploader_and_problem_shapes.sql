-- Who uploaded a draft (a username), so that the GIS page can tell one's own drafts from the
-- others'. Drafts uploaded before this have none.
ALTER TABLE boundary_draft ADD COLUMN uploaded_by text;

-- The area of each finding of a draft's report that has one (an overlap, a gap, a part outside
-- the parent, a sliver), by its index in the report's problems: drawn on the GIS page and
-- exported as GeoJSON. Rewritten with the report.
CREATE TABLE draft_problem_shape (
    version_id  integer  NOT NULL REFERENCES grid_version (id) ON DELETE CASCADE,
    problem     integer  NOT NULL CHECK (problem >= 0),
    geom        geometry(Geometry, 4326) NOT NULL,
    PRIMARY KEY (version_id, problem)
);
