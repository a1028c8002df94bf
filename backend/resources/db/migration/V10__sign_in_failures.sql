-- Failed sign-ins and locks are kept by the name tried, whether or not a user has that name: an
-- unknown name then locks exactly as a real one does, and the answers do not tell which names exist.
CREATE TABLE sign_in_failure (
    username      text        PRIMARY KEY,
    -- Failures in a row since the last success or lock (a lock starts the count again).
    failures      integer     NOT NULL CHECK (failures >= 0),
    locked_until  timestamptz
);

INSERT INTO sign_in_failure (username, failures, locked_until)
SELECT username, failed_logins, locked_until FROM app_user WHERE failed_logins > 0 OR locked_until IS NOT NULL;

ALTER TABLE app_user DROP COLUMN failed_logins, DROP COLUMN locked_until;
