-- A new case near an open one of the same category, or from the same reporter, is linked as a
-- possible duplicate; the centre then merges it or keeps it apart.
CREATE TABLE case_link (
    case_id     bigint      NOT NULL REFERENCES "case" (id),
    other_id    bigint      NOT NULL REFERENCES "case" (id),
    reason      text        NOT NULL CHECK (reason IN ('nearby', 'same_reporter')),
    decision    text        CHECK (decision IN ('merged', 'kept')),
    created_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (case_id, other_id),
    CHECK (case_id <> other_id)
);
CREATE INDEX case_link_other ON case_link (other_id);
CREATE INDEX case_reporter_phone ON "case" (reporter_phone) WHERE reporter_phone IS NOT NULL;
ALTER TABLE "case" ADD COLUMN merged_into bigint REFERENCES "case" (id);
