-- Open311's GET servicerequestupdates reads the history of all cases by the time of each entry
-- (a span of at most 90 days), the entries that change a case's state.
CREATE INDEX case_event_at ON case_event (at);
