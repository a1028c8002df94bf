-- The live stream. A case event gets its stream position (seq) after it is committed, from the
-- relay (live.EventRelay), which numbers the committed, unnumbered events one batch at a time
-- under an advisory lock: positions are gap-free and increase in the order events became
-- visible. A bigserial alone is not enough: transactions commit out of the order in which they
-- drew their ids, so a reader resuming after id N would skip an id drawn earlier and committed
-- later.
ALTER TABLE case_event ADD COLUMN seq bigint;
CREATE UNIQUE INDEX case_event_seq ON case_event (seq);
-- The events still to be numbered: few, and found without scanning the history.
CREATE INDEX case_event_unnumbered ON case_event (id) WHERE seq IS NULL;

-- Still append-only: the one change allowed is giving an event its position, once.
CREATE OR REPLACE FUNCTION case_event_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE' AND OLD.seq IS NULL AND NEW.seq IS NOT NULL
       AND (NEW.id, NEW.case_id, NEW.type, NEW.actor, NEW.at, NEW.payload)
           IS NOT DISTINCT FROM (OLD.id, OLD.case_id, OLD.type, OLD.actor, OLD.at, OLD.payload) THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION 'case_event is append-only: % refused', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END $$;

-- Events written before the stream existed take their order from their ids.
UPDATE case_event e SET seq = n.position
  FROM (SELECT id, row_number() OVER (ORDER BY id) AS position FROM case_event) n
 WHERE e.id = n.id;

-- A case as the live view counts it: where it is, whether it is open, and whether one of its
-- open deadlines has had its warning (WARNED) or overdue notice (OVERDUE) from the sweeper.
CREATE VIEW case_live AS
SELECT c.id, c.code, c.status, c.category, c.supervised, c.received_at,
       c.county_code, c.township_code, c.village_code, c.group_code, c.base_code,
       EXISTS (SELECT 1 FROM deadline_alert a, jsonb_array_elements(c.deadlines) d
                WHERE a.case_id = c.id AND a.level = 'WARNED' AND a.kind = d->>'kind'
                  AND a.due = (d->>'due')::timestamptz AND d->>'metAt' IS NULL) AS warned,
       EXISTS (SELECT 1 FROM deadline_alert a, jsonb_array_elements(c.deadlines) d
                WHERE a.case_id = c.id AND a.level = 'OVERDUE' AND a.kind = d->>'kind'
                  AND a.due = (d->>'due')::timestamptz AND d->>'metAt' IS NULL) AS overdue
  FROM "case" c;

-- Early warnings of group events (群体性事件苗头): one row each, so that one cluster of cases
-- raises one alert, also across restarts.
CREATE TABLE group_alert (
    id            bigserial PRIMARY KEY,
    village_code  text        NOT NULL,
    category      text        NOT NULL,
    raised_at     timestamptz NOT NULL,
    case_count    integer     NOT NULL,
    case_id       bigint      NOT NULL REFERENCES "case" (id)
);
CREATE INDEX group_alert_recent ON group_alert (village_code, category, raised_at);
