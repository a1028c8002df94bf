-- The case record: deadlines in their own table, statuses defined once, reminders and referral
-- to the county 纪委.

-- The phases of a case status. Placeholders: the service writes both functions from its
-- CaseStatus enum at every start (cases.CaseStatusSql), before anything reads cases.
CREATE FUNCTION case_phase(status text) RETURNS text LANGUAGE sql IMMUTABLE AS $$ SELECT NULL::text $$;
CREATE FUNCTION case_open(status text) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$ SELECT NULL::boolean $$;

-- Every deadline of a case, per round of handling (0, then one more after each reopening), as
-- the service computed it from the case's history. Written only by cases.CaseRecord, which
-- replaces a case's rows whenever its history changes. duty: a duty that can be overdue (false
-- for a time limit on a right, such as asking for a review, which lapses).
CREATE TABLE case_deadline (
    case_id      bigint      NOT NULL REFERENCES "case" (id),
    round        integer     NOT NULL CHECK (round >= 0),
    kind         text        NOT NULL,
    position     integer     NOT NULL,
    started_by   text        NOT NULL,
    due          timestamptz NOT NULL,
    warn_at      timestamptz NOT NULL,
    met_at       timestamptz,
    duty         boolean     NOT NULL,
    provisional  boolean     NOT NULL DEFAULT false,
    PRIMARY KEY (case_id, round, kind)
);
-- The sweeper looks for open duties whose warning time has come.
CREATE INDEX case_deadline_open ON case_deadline (warn_at) WHERE met_at IS NULL AND duty;

-- What the deadlines column held moves to the table, as round 0.
INSERT INTO case_deadline (case_id, round, kind, position, started_by, due, warn_at, met_at, duty)
SELECT c.id, 0, d.value->>'kind', d.ordinality::integer,
       CASE d.value->>'kind' WHEN 'HANDLING' THEN 'ACCEPTED' WHEN 'TRANSFER_NOTICE' THEN 'TRANSFERRED'
            WHEN 'TRANSFER_OBJECTION' THEN 'TRANSFERRED' WHEN 'REVIEW_REQUEST' THEN 'REPLIED'
            WHEN 'REVIEW_ANSWER' THEN 'REVIEW_REQUESTED' WHEN 'RE_REVIEW_REQUEST' THEN 'REVIEW_ANSWERED'
            WHEN 'RE_REVIEW_ANSWER' THEN 'RE_REVIEW_REQUESTED' ELSE 'RECEIVED' END,
       (d.value->>'due')::timestamptz, (d.value->>'warnAt')::timestamptz, (d.value->>'metAt')::timestamptz,
       d.value->>'kind' NOT IN ('TRANSFER_OBJECTION', 'REVIEW_REQUEST', 'RE_REVIEW_REQUEST')
  FROM "case" c, jsonb_array_elements(c.deadlines) WITH ORDINALITY d;

DROP VIEW case_live;
ALTER TABLE "case" DROP COLUMN deadlines;
-- Whether a deadline was extended is read from the history (per round), not kept twice.
ALTER TABLE "case" DROP COLUMN extended;
-- The statuses are the enum's: checked through case_phase (NOT VALID: the placeholder knows none
-- yet; every row written from now on is checked).
ALTER TABLE "case" DROP CONSTRAINT case_status_known;
ALTER TABLE "case" ADD CONSTRAINT case_status_known CHECK (case_phase(status) IS NOT NULL) NOT VALID;

-- Reminders repeat on an overdue deadline (REMINDED, numbered n = 1, 2, ...); when they go
-- unheeded the case is referred to the county 纪委 (REFERRED): each recorded once.
ALTER TABLE deadline_alert DROP CONSTRAINT deadline_alert_level_check;
ALTER TABLE deadline_alert ADD CONSTRAINT deadline_alert_level_check
    CHECK (level IN ('WARNED', 'OVERDUE', 'REMINDED', 'REFERRED'));
ALTER TABLE deadline_alert ADD COLUMN n integer NOT NULL DEFAULT 0;
ALTER TABLE deadline_alert DROP CONSTRAINT deadline_alert_pkey;
ALTER TABLE deadline_alert ADD PRIMARY KEY (case_id, kind, level, due, n);
CREATE INDEX deadline_alert_referred ON deadline_alert (case_id) WHERE level = 'REFERRED';

-- The one definition of a deadline's state, used by the case view, the case list, the live view,
-- the wall and the reports: met (on time or late), else for a duty overdue (超期) once its overdue
-- notice is recorded and warned (临期) once its warning is; otherwise open. The sweeper records
-- both at their times, so every reader sees a deadline change at the same moment.
CREATE VIEW case_deadline_state AS
SELECT d.*,
       CASE WHEN d.met_at IS NOT NULL THEN CASE WHEN d.met_at <= d.due THEN 'met' ELSE 'met_late' END
            WHEN d.duty AND EXISTS (SELECT 1 FROM deadline_alert a WHERE a.case_id = d.case_id AND a.kind = d.kind
                                                                    AND a.due = d.due AND a.level = 'OVERDUE') THEN 'overdue'
            WHEN d.duty AND EXISTS (SELECT 1 FROM deadline_alert a WHERE a.case_id = d.case_id AND a.kind = d.kind
                                                                    AND a.due = d.due AND a.level = 'WARNED') THEN 'warned'
            ELSE 'open' END AS state
  FROM case_deadline d;

-- A case as the live view counts it: open, warned or overdue when an open duty of an open case
-- is, its next open duty, and under the 纪委's supervision once a deadline of it was referred.
CREATE VIEW case_live AS
SELECT c.id, c.code, c.status, c.category, c.supervised, c.received_at,
       c.county_code, c.township_code, c.village_code, c.group_code, c.base_code,
       case_open(c.status) AS open,
       case_open(c.status) AND EXISTS (SELECT 1 FROM case_deadline_state d WHERE d.case_id = c.id AND d.state = 'warned') AS warned,
       case_open(c.status) AND EXISTS (SELECT 1 FROM case_deadline_state d WHERE d.case_id = c.id AND d.state = 'overdue') AS overdue,
       (SELECT min(d.due) FROM case_deadline d WHERE d.case_id = c.id AND d.met_at IS NULL AND d.duty AND case_open(c.status))
           AS next_due,
       EXISTS (SELECT 1 FROM deadline_alert a WHERE a.case_id = c.id AND a.level = 'REFERRED') AS discipline
  FROM "case" c;
