-- A group-event warning (群体性事件苗头) stays on the walls until a duty officer acknowledges it
-- on the desk, once: who and when are written with the alert. The cases of the cluster are kept
-- with it, so that the desk can link them.
ALTER TABLE group_alert
    ADD COLUMN case_codes      text[] NOT NULL DEFAULT '{}',
    ADD COLUMN acknowledged_at timestamptz,
    ADD COLUMN acknowledged_by text;
CREATE INDEX group_alert_open ON group_alert (raised_at) WHERE acknowledged_at IS NULL;
