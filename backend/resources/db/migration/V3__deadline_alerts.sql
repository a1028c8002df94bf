-- Each warning (WARNED) and overdue notice (OVERDUE) of a deadline is written once: the sweeper
-- inserts here first, and only a row it inserted becomes a case event. A deadline moved by an
-- extension is a new deadline, with its own warning.
CREATE TABLE deadline_alert (
    case_id  bigint      NOT NULL REFERENCES "case" (id),
    kind     text        NOT NULL,
    level    text        NOT NULL CHECK (level IN ('WARNED', 'OVERDUE')),
    due      timestamptz NOT NULL,
    at       timestamptz NOT NULL,
    PRIMARY KEY (case_id, kind, level, due)
);
-- The list of cases filters by grid at every level.
CREATE INDEX case_county ON "case" (county_code);
CREATE INDEX case_township ON "case" (township_code);
CREATE INDEX case_village ON "case" (village_code);
CREATE INDEX case_received ON "case" (received_at);
