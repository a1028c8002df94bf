-- Several service nodes on one database (cluster mode, docs/operations.md).

-- How far the relay (live.EventRelay) has published the stream. Numbering commits before
-- publishing; a node that dies in between leaves numbered events unpublished, and the next relay
-- round, on any node, publishes everything above this mark first. A mark moved only after the
-- publish succeeded means an event may go out twice (consumers drop what they hold), never not at all.
CREATE TABLE stream_published (
    only_row boolean PRIMARY KEY DEFAULT true CHECK (only_row),
    seq      bigint  NOT NULL
);
INSERT INTO stream_published (seq) SELECT coalesce(max(seq), 0) FROM case_event;

-- Open311 posts per API key and clock minute, counted by every node together (the limit is the
-- cluster's, not each node's). The key is kept as its SHA-256 only; a key's older minutes are
-- deleted when it posts again.
CREATE TABLE open311_posts (
    key_sha256 text    NOT NULL,
    minute     bigint  NOT NULL,
    posts      integer NOT NULL,
    PRIMARY KEY (key_sha256, minute)
);
