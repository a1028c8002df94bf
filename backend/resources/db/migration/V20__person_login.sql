-- A person of the register may sign in (issue 20): the login (app_user) of a patrol inspector or a
-- grid worker is theirs, so that what the account files (patrol reports, rounds) resolves to the
-- person, and the person's name is the one shown. The person owns the fact; the account refers back
-- by username only through this column. A removed account leaves the person without a login.
ALTER TABLE person ADD COLUMN username text UNIQUE REFERENCES app_user (username) ON UPDATE CASCADE ON DELETE SET NULL;
