-- Case intake: printable codes, deadlines, idempotent submission.

-- The serial of a case code (一案一码): a sequence, so concurrent intakes never wait on each
-- other; the code also carries the date, so the serial need not restart each day.
CREATE SEQUENCE case_serial;

ALTER TABLE "case"
    ADD COLUMN deadlines jsonb   NOT NULL DEFAULT '[]'::jsonb,
    ADD COLUMN extended  boolean NOT NULL DEFAULT false,
    ADD CONSTRAINT case_status_known CHECK (status IN
        ('received', 'accepted', 'rejected', 'dispatched', 'claimed', 'contacted', 'replied', 'finished', 'evaluated', 'archived')),
    ADD CONSTRAINT case_rule_set_known CHECK (rule_set IN ('luoping', 'lanshan-125', 'xinfang'));

-- A client that sends the same request again (a retry after a timeout) gets the same case.
CREATE TABLE idempotency_key (
    key           text PRIMARY KEY CHECK (length(key) BETWEEN 1 AND 200),
    request_hash  text        NOT NULL,
    case_id       bigint      NOT NULL REFERENCES "case" (id),
    created_at    timestamptz NOT NULL DEFAULT now()
);
