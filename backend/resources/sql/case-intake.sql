-- Takes one case in, in one statement (so it is atomic without a transaction of its own):
-- the case row, its possible duplicates, its RECEIVED event, its photos and its idempotency key.
--
-- Possible duplicates: open cases of the same category near in place and time (the category's
-- radius and window), or from the same reporter within a number of days (a repeat petition,
-- 重复信访). They are only linked; the centre decides to merge or keep them apart.
--
-- $1 code, $2 channel, $3 category, $4 risk, $5 title, $6 description, $7 reporter name,
-- $8 reporter phone, $9 lon, $10 lat, $11 grid version, $12..$16 county..base code,
-- $17 unit code, $18 rule set, $19 received at, $20 deadlines (rows of case_deadline as JSON),
-- $21 duplicate radius (m), $22 duplicate window (h), $23 same-reporter days, $24 most links,
-- $25 event actor, $26 event time (when it was recorded), $27 event payload, $28 idempotency
-- key, $29 request hash, $30..$32 the photos' content types, bytes and SHA-256 (empty arrays
-- for none; numbered from 1 in this order), $33 who sent them. The deadlines statement is
-- cases.StoredDeadlines', put in by CaseRecord.
WITH ins AS (
    INSERT INTO "case" (code, channel, category, risk, title, description, reporter_name, reporter_phone,
                        point, grid_version, county_code, township_code, village_code, group_code, base_code,
                        status, unit_id, rule_set, received_at)
    VALUES ($1, $2, $3, $4, $5, $6, $7, $8,
            CASE WHEN $9::float8 IS NULL THEN NULL ELSE ST_SetSRID(ST_MakePoint($9, $10), 4326) END,
            $11, $12, $13, $14, $15, $16, 'received', (SELECT id FROM unit WHERE code = $17), $18, $19::timestamptz)
    RETURNING id, unit_id, version, point),
-- Two searches, each on its own index (an OR of the two would scan every open case).
candidates AS (
    SELECT o.id, o.code, o.received_at, 'nearby' AS reason
      FROM "case" o, ins
     WHERE ins.point IS NOT NULL
       -- the box first (GiST), then the distance on the sphere
       AND o.point && ST_Expand(ins.point, $21 / 90000.0)
       AND ST_DWithin(o.point::geography, ins.point::geography, $21)
       AND o.category = $3 AND o.received_at > $19::timestamptz - make_interval(hours => $22)
       AND case_open(o.status)
    UNION ALL
    SELECT o.id, o.code, o.received_at, 'same_reporter'
      FROM "case" o
     WHERE $8::text IS NOT NULL AND o.reporter_phone = $8
       AND o.received_at > $19::timestamptz - make_interval(days => $23)
       AND case_open(o.status)),
-- One link a case, the reporter's reason first; the nearest in time when there are many.
found AS (
    SELECT * FROM (SELECT DISTINCT ON (id) * FROM candidates ORDER BY id, reason = 'same_reporter' DESC) c
     ORDER BY abs(extract(epoch FROM received_at - $19::timestamptz))
     LIMIT $24),
linked AS (
    INSERT INTO case_link (case_id, other_id, reason) SELECT ins.id, found.id, found.reason FROM ins, found),
event AS (
    INSERT INTO case_event (case_id, type, actor, at, payload)
    SELECT ins.id, 'RECEIVED', $25, $26::timestamptz,
           $27::jsonb || jsonb_build_object('unitId', ins.unit_id, 'receivedAt', $19::timestamptz,
                                            'possibleDuplicates', (SELECT coalesce(jsonb_agg(code ORDER BY code), '[]') FROM found))
      FROM ins
    RETURNING payload),
media AS (
    INSERT INTO case_media (case_id, ordinal, content_type, bytes, sha256, uploaded_by, created_at)
    SELECT ins.id, m.ordinal, m.content_type, m.bytes, m.sha256, $33, $26::timestamptz
      FROM ins, unnest($30::text[], $31::bytea[], $32::text[]) WITH ORDINALITY AS m (content_type, bytes, sha256, ordinal)),
idempotency AS (
    INSERT INTO idempotency_key (key, request_hash, case_id) SELECT $28, $29, ins.id FROM ins WHERE $28::text IS NOT NULL),
deadlines AS (
    /*DEADLINES*/)
SELECT ins.version, u.code AS unit_code, u.name AS unit_name, u.level AS unit_level,
       (SELECT payload FROM event) AS payload,
       (SELECT coalesce(jsonb_agg(jsonb_build_array(code, reason) ORDER BY code), '[]') FROM found) AS links,
       (SELECT count(*) FROM "case" o WHERE $8::text IS NOT NULL AND o.reporter_phone = $8) AS earlier
  FROM ins LEFT JOIN unit u ON u.id = ins.unit_id
