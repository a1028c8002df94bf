-- Who may do what: users with one role each, the tokens that stand for them, and the audit trail.

-- Roles: admin (everything, and users), gis (boundaries), officer (cases of a grid subtree),
-- handler (the cases held by one unit), wall (a display: read-only, no personal data),
-- open311 (a client system posting requests with its api_key).
CREATE TABLE app_user (
    id               serial PRIMARY KEY,
    username         text        NOT NULL UNIQUE CHECK (username ~ '^[A-Za-z0-9._@-]{2,64}$'),
    display_name     text        NOT NULL CHECK (length(btrim(display_name)) > 0),
    role             text        NOT NULL CHECK (role IN ('admin', 'gis', 'officer', 'handler', 'wall', 'open311')),
    -- An officer sees the grid with this code and everything in it (codes nest by prefix).
    grid_code        text,
    -- A handler sees the cases its unit holds.
    unit_id          integer REFERENCES unit (id),
    -- bcrypt; NULL for walls and client systems, which only have tokens.
    password_hash    text,
    enabled          boolean     NOT NULL DEFAULT true,
    failed_logins    integer     NOT NULL DEFAULT 0,
    locked_until     timestamptz,
    created_at       timestamptz NOT NULL DEFAULT now(),
    CHECK (role <> 'officer' OR grid_code IS NOT NULL),
    CHECK (role <> 'handler' OR unit_id IS NOT NULL)
);

-- A session (a login of a page: cookie) or a token (bearer token, display token, Open311 api_key).
-- Only the SHA-256 of the secret is kept: a copy of this table opens nothing.
CREATE TABLE access_token (
    token_hash    bytea       PRIMARY KEY,
    user_id       integer     NOT NULL REFERENCES app_user (id),
    kind          text        NOT NULL CHECK (kind IN ('session', 'token')),
    label         text,
    -- Sessions only: what the page sends back in X-CSRF-Token on every change.
    csrf          text,
    created_at    timestamptz NOT NULL DEFAULT now(),
    expires_at    timestamptz,
    last_used_at  timestamptz,
    revoked_at    timestamptz
);
CREATE INDEX access_token_user ON access_token (user_id);

-- The audit trail: logins (also failed), changes, publishes, unmasked reads, admin changes.
CREATE TABLE audit_entry (
    id        bigserial   PRIMARY KEY,
    at        timestamptz NOT NULL DEFAULT now(),
    actor     text        NOT NULL,
    role      text,
    action    text        NOT NULL,
    target    text,
    outcome   text        NOT NULL CHECK (outcome IN ('ok', 'refused', 'failed')),
    address   text,
    detail    jsonb       NOT NULL DEFAULT '{}'::jsonb
);
CREATE INDEX audit_entry_at ON audit_entry (at);
CREATE INDEX audit_entry_actor ON audit_entry (actor, id);
CREATE INDEX audit_entry_action ON audit_entry (action, id);

CREATE FUNCTION audit_entry_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_entry is append-only: % refused', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END $$;
CREATE TRIGGER audit_entry_append_only
    BEFORE UPDATE OR DELETE ON audit_entry
    FOR EACH ROW EXECUTE FUNCTION audit_entry_refuse_change();
CREATE TRIGGER audit_entry_no_truncate
    BEFORE TRUNCATE ON audit_entry
    FOR EACH STATEMENT EXECUTE FUNCTION audit_entry_refuse_change();
