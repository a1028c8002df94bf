-- Photos of a case (issue 17): grid workers and residents report with photos. Stored here, in
-- the database, so that a case and its photos are committed, backed up and restored together.
-- Written only by cases.CaseRecord: with the case at intake (case-intake.sql), in the same
-- statement, so an accepted case has its photos and a refused one leaves none.
--
-- ordinal: 1, 2, ... in the order sent (the n of GET /api/cases/{code}/media/{n}).
-- content_type: what the service found the bytes to be (JPEG, PNG, WebP by their magic bytes),
-- never what the client declared. uploaded_by: who sent them (the signed-in user as the history
-- names them, or the Open311 client), for Open311's rule that only the client that posted a
-- photo is shown it.
CREATE TABLE case_media (
    case_id      bigint      NOT NULL REFERENCES "case" (id),
    ordinal      smallint    NOT NULL CHECK (ordinal >= 1),
    content_type text        NOT NULL CHECK (content_type LIKE 'image/%'),
    bytes        bytea       NOT NULL,
    size         integer     GENERATED ALWAYS AS (octet_length(bytes)) STORED,
    sha256       text        NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    uploaded_by  text        NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (case_id, ordinal)
);
-- Photos come compressed: kept out of line without another attempt at compressing them.
ALTER TABLE case_media ALTER COLUMN bytes SET STORAGE EXTERNAL;
