package org.gridcc.cases;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonObject;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.gridcc.common.ServiceClock;
import org.gridcc.grid.demo.ChineseNames;
import org.gridcc.grid.demo.DemoDataConfig;
import org.gridcc.sla.CaseHistory;
import org.gridcc.sla.Deadline;
import org.gridcc.sla.DeadlineKind;
import org.gridcc.sla.DeadlineService;
import org.gridcc.sla.WorkingCalendar;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

/**
 * The demo county's month of cases (DemoCases) is what the service would have written: written into
 * the test county inside a transaction that is rolled back, so no other test sees it, and read back
 * with the product's own rules (CaseAction's transitions, the deadline service, CaseCode's check,
 * the views the live state and the wall read).
 */
@QuarkusTest
class DemoCasesIT {

    private static final Logger LOG = Logger.getLogger(DemoCasesIT.class);
    private static final int DAYS = 30;
    private static final long SEED = 20260530L;

    @Inject
    DataSource db;
    @Inject
    DemoCases demo;
    @Inject
    DeadlineService sla;
    @Inject
    DemoDataConfig config;
    @Inject
    ServiceClock clock;

    /** What a test reads of the written month, all in the writer's transaction. */
    private record Month(long firstId, long headBefore, Instant now, Connection c) {
        String where() {
            return " id >= " + firstId;
        }
    }

    private interface Check {
        void on(Month month) throws Exception;
    }

    /** Writes the month into the test county and runs the check on it, then rolls it all back. */
    private void inMonth(Instant now, Check check) throws Exception {
        inMonth(now, DAYS, 1, check);
    }

    /** Writes {@code days} days at {@code scale} times the county's daily cases, runs the check, then rolls it all back. */
    private void inMonth(Instant now, int days, int scale, Check check) throws Exception {
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            try {
                long firstId = one(c, "SELECT coalesce(max(id), 0) + 1 FROM \"case\"");
                long head = one(c, "SELECT coalesce(max(seq), 0) FROM case_event");
                LOG.infof("Demo month: %s", demo.write(c, SEED, days, scale, now));
                check.on(new Month(firstId, head, now, c));
            } finally {
                c.rollback();
            }
        }
    }

    @Test
    void testsStartWithoutTheMonthWhichIsThirtyDaysByDefault() {
        // application.properties: 30 for ./run, 0 for the tests, whose counts of cases are their own.
        assertThat(config.caseDays()).isZero();
    }

    @Test
    void everyDayOfTheMonthHasCasesAtTheSeedsRates() throws Exception {
        inMonth(clock.now(), m -> {
            LocalDate today = WorkingCalendar.dayOf(m.now());
            Map<LocalDate, Long> perDay = casesPerDay(m, DAYS, 1);
            assertThat(perDay.keySet()).allMatch(day -> !day.isBefore(today.minusDays(DAYS)) && !day.isAfter(today));
            // Reporters are marked demo, phones are no one's (no mobile number starts with 100) and shown masked.
            assertThat(rows(m.c(), "SELECT DISTINCT reporter_name IS NULL OR reporter_name LIKE '%" + ChineseNames.DEMO_MARK
                    + "' FROM \"case\" WHERE" + m.where())).containsExactly("t");
            assertThat(rows(m.c(), "SELECT DISTINCT reporter_phone IS NULL OR reporter_phone ~ '^100[0-9]{8}$' FROM \"case\" WHERE"
                    + m.where())).containsExactly("t");
        });
    }

    @Test
    void aCountyGeneratedTimesOverHasItsDailyCasesTimesOver() throws Exception {
        // ./bench scale: a city of several counties gets as many times the county's cases a day.
        inMonth(clock.now(), 7, 3, m -> casesPerDay(m, 7, 3));
    }

    /**
     * The cases received each day of the written days, checked against the seeds' rates {@code scale} times over:
     * 100-180 on a working day, 40 % on a rest day; yesterday and today are not checked, as they may also hold some of the
     * clusters of the last hours, and today is not over.
     */
    private Map<LocalDate, Long> casesPerDay(Month m, int days, int scale) throws Exception {
        LocalDate today = WorkingCalendar.dayOf(m.now());
        WorkingCalendar calendar = sla.calendar();
        Map<LocalDate, Long> perDay = new HashMap<>();
        for (String row : rows(m.c(), "SELECT (received_at AT TIME ZONE 'Asia/Shanghai')::date || ' ' || count(*) FROM \"case\" WHERE"
                + m.where() + " GROUP BY (received_at AT TIME ZONE 'Asia/Shanghai')::date")) {
            perDay.put(LocalDate.parse(row.split(" ")[0]), Long.parseLong(row.split(" ")[1]));
        }
        for (LocalDate day = today.minusDays(days); day.isBefore(today.minusDays(1)); day = day.plusDays(1)) {
            if (calendar.isWorkingDay(day)) assertThat(perDay.get(day)).as(day.toString()).isBetween(100L * scale, 180L * scale);
            else assertThat(perDay.get(day)).as(day.toString()).isBetween(40L * scale, 72L * scale);
        }
        return perDay;
    }

    @Test
    void everyHistoryIsALegalSequenceOfTheLoopWithTheDeadlinesTheServiceComputes() throws Exception {
        inMonth(clock.now(), m -> {
            Map<Long, Stored> cases = stored(m);
            var reached = CaseAction.statesReached();
            var seen = new HashMap<String, Integer>();
            for (Stored k : cases.values()) {
                CaseHistory history = CaseHistory.none();
                CaseStatus status = null;
                boolean reopenDue = false;
                for (Event e : k.events()) {
                    seen.merge(e.type(), 1, Integer::sum);
                    if (status == null) {
                        assertThat(e.type()).as(k.code()).isEqualTo(CaseAction.RECEIVED_EVENT);
                        status = CaseStatus.RECEIVED;
                    } else if (e.actor().equals(DeadlineSweeper.ACTOR)) {
                        assertThat(status.isOpen()).as(k.code() + " noticed while closed").isTrue();
                    } else if (e.type().equals(CaseAction.REOPENED)) {
                        assertThat(reopenDue).as(k.code() + " reopened after an unsatisfied rating").isTrue();
                        reopenDue = false;
                    } else {
                        assertThat(reopenDue).as(k.code() + ": 不满意 is followed by its reopening").isFalse();
                        CaseAction action = Arrays.stream(CaseAction.values()).filter(a -> a.eventType().equals(e.type())).findFirst()
                                .orElseThrow(() -> new AssertionError("no action writes " + e.type()));
                        Set<DeadlineKind> open = sla.after(k.ruleSet(), history).stream().filter(Deadline::isOpen).map(Deadline::kind)
                                .collect(Collectors.toSet());
                        assertThat(action.refusal(status, sla.rules(k.ruleSet()), open)).as(k.code() + " " + e.type() + " in " + status)
                                .isEmpty();
                        reopenDue = action == CaseAction.EVALUATE && "不满意".equals(e.payload().getString("rating"));
                        assertThat(e.payload().getString("from")).isEqualTo(status.code());
                    }
                    status = reached.getOrDefault(e.type(), status);
                    history = CaseRecord.plus(history, e.type(), e.at(), e.payload(), k.receivedAt());
                }
                assertThat(status).as(k.code()).isEqualTo(k.status());
                // The stored deadlines are what the deadline service computes from the stored history.
                List<List<Object>> computed = new ArrayList<>();
                List<Deadline> deadlines = sla.after(k.ruleSet(), history);
                for (int i = 0; i < deadlines.size(); i++) computed.add(normalised(StoredDeadlines.row(k.id(), i, deadlines.get(i))));
                assertThat(k.deadlines()).as(k.code()).isEqualTo(computed);
            }
            // The loop's steps, 督办, 上报, 调解 with and without agreement, ratings, reopenings and the sweeper's notices.
            assertThat(seen.keySet()).contains("RECEIVED", "ACCEPTED", "REJECTED", "DISPATCHED", "CLAIMED", "CONTACTED", "REPLIED", "FINISHED",
                    "EVALUATED", "ARCHIVED", "SUPERVISED", "ESCALATED", "MEDIATED", "REOPENED", "LEADER_ASSIGNED", "WARNED", "OVERDUE",
                    "REMINDED");
            assertThat(rows(m.c(), "SELECT DISTINCT payload->'mediation'->>'agreement' FROM case_event WHERE type = 'MEDIATED' AND case_id >= "
                    + m.firstId())).contains("true", "false");
            // Open cases stand at every stage of the loop.
            assertThat(rows(m.c(), "SELECT DISTINCT status FROM \"case\" WHERE case_open(status) AND" + m.where()))
                    .contains("received", "dispatched", "claimed", "replied", "finished", "evaluated");
        });
    }

    @Test
    void codesAreValidAndUniqueAndPayloadsHoldTimesAsTheStatementsWriteThem() throws Exception {
        inMonth(clock.now(), m -> {
            List<String> codes = rows(m.c(), "SELECT code FROM \"case\" WHERE" + m.where());
            assertThat(codes).hasSizeGreaterThan(3000).doesNotHaveDuplicates();
            for (String code : codes) assertThat(CaseCode.parse(code).text()).isEqualTo(code);
            assertThat(one(m.c(), "SELECT count(*) FROM \"case\" c WHERE" + m.where().replace("id", "c.id") + " AND split_part(code, '-', 2) <> "
                    + "to_char(received_at AT TIME ZONE 'Asia/Shanghai', 'YYYYMMDD')")).isZero();
            // receivedAt and due as jsonb_build_object writes a timestamptz; possible duplicates as the links say.
            assertThat(one(m.c(), "SELECT count(*) FROM case_event e JOIN \"case\" c ON c.id = e.case_id WHERE e.type = 'RECEIVED' AND c.id >= "
                    + m.firstId() + " AND e.payload->'receivedAt' IS DISTINCT FROM to_jsonb(c.received_at)")).isZero();
            assertThat(one(m.c(), "SELECT count(*) FROM case_event e WHERE e.actor = 'sla-sweeper' AND e.case_id >= " + m.firstId()
                    + " AND NOT EXISTS (SELECT 1 FROM deadline_alert a WHERE a.case_id = e.case_id AND a.level = e.type"
                    + " AND to_jsonb(a.due) = e.payload->'due' AND a.at = e.at)")).isZero();
            assertThat(one(m.c(), "SELECT count(*) FROM case_event e WHERE e.type = 'RECEIVED' AND e.case_id >= " + m.firstId()
                    + " AND jsonb_array_length(e.payload->'possibleDuplicates') <> (SELECT count(*) FROM case_link l WHERE l.case_id = e.case_id)"))
                    .isZero();
            assertThat(rows(m.c(), "SELECT DISTINCT reason FROM case_link WHERE case_id >= " + m.firstId())).contains("nearby", "same_reporter");
        });
    }

    @Test
    void streamPositionsFollowTimeAndTheRelayHasPublishedThemAll() throws Exception {
        inMonth(clock.now(), m -> {
            List<String> events = rows(m.c(), "SELECT seq || ' ' || id || ' ' || extract(epoch FROM at) FROM case_event WHERE case_id >= "
                    + m.firstId() + " ORDER BY seq");
            long seq = m.headBefore(), id = 0;
            double at = 0;
            for (String row : events) {
                String[] f = row.split(" ");
                assertThat(Long.parseLong(f[0])).isEqualTo(seq + 1);
                assertThat(Long.parseLong(f[1])).isGreaterThan(id);
                assertThat(Double.parseDouble(f[2])).isGreaterThanOrEqualTo(at);
                seq = Long.parseLong(f[0]);
                id = Long.parseLong(f[1]);
                at = Double.parseDouble(f[2]);
            }
            assertThat(one(m.c(), "SELECT seq FROM stream_published")).isEqualTo(seq);
            assertThat(one(m.c(), "SELECT count(*) FROM case_event WHERE seq IS NULL")).isZero();
        });
    }

    @Test
    void nearlyEveryCaseOlderThanItsDeadlinesIsFinishedAndAFewAreOverdueToday() throws Exception {
        inMonth(clock.now(), m -> {
            // Luoping's longest limit is a week; a petition's 60 days outlast the month.
            String old = "rule_set = 'luoping' AND received_at < now() - interval '8 days' AND" + m.where();
            long older = one(m.c(), "SELECT count(*) FROM \"case\" WHERE " + old);
            long finished = one(m.c(), "SELECT count(*) FROM \"case\" c WHERE " + old + " AND EXISTS (SELECT 1 FROM case_event e"
                    + " WHERE e.case_id = c.id AND e.type = 'FINISHED')");
            assertThat((double) finished / older).isGreaterThanOrEqualTo(0.95);
            long all = one(m.c(), "SELECT count(*) FROM \"case\" WHERE" + m.where());
            long overdue = one(m.c(), "SELECT count(*) FROM case_live WHERE overdue AND" + m.where());
            assertThat(overdue).isPositive().isLessThan(all / 20);
            long rated = one(m.c(), "SELECT count(*) FROM case_event WHERE type = 'EVALUATED' AND case_id >= " + m.firstId());
            long satisfied = one(m.c(), "SELECT count(*) FROM case_event WHERE type = 'EVALUATED' AND payload->>'rating' IN ('满意', '基本满意')"
                    + " AND case_id >= " + m.firstId());
            assertThat((double) satisfied / rated).isGreaterThan(0.95);
        });
    }

    @Test
    void theLiveViewOfTheMonthHasOpenWarnedOverdueAndSupervisedCases() throws Exception {
        // LiveState.rebuild reads case_live (open cases and the hotspot windows' cases) on the pool, which
        // cannot see an uncommitted month: the same view is read here, in the month's transaction.
        inMonth(clock.now(), m -> {
            assertThat(one(m.c(), "SELECT count(*) FROM case_live WHERE open AND" + m.where())).isGreaterThan(100);
            assertThat(one(m.c(), "SELECT count(*) FROM case_live WHERE warned AND" + m.where())).isPositive();
            assertThat(one(m.c(), "SELECT count(*) FROM case_live WHERE supervised AND open AND" + m.where())).isPositive();
            // The clusters of the last hours: a base grid with five or more cases of one category in a day.
            assertThat(one(m.c(), "SELECT count(*) FROM (SELECT base_code, category FROM case_live WHERE received_at > now() - interval '24 hours'"
                    + " AND" + m.where() + " GROUP BY 1, 2 HAVING count(*) >= 5) hot")).isPositive();
        });
    }

    @Test
    void theSameSeedGivesTheSameMonth() throws Exception {
        Instant now = clock.now().truncatedTo(ChronoUnit.SECONDS);
        String serial;
        try (Connection c = db.getConnection()) {
            serial = rows(c, "SELECT last_value || ' ' || is_called FROM case_serial").get(0);
        }
        var digests = new ArrayList<String>();
        for (int run = 0; run < 2; run++) {
            try (Connection c = db.getConnection()) {
                // Codes take their serials from a sequence, which a rollback does not give back: both runs start from the same.
                String[] s = serial.split(" ");
                c.createStatement().execute("SELECT setval('case_serial', %s, %s)".formatted(s[0], s[1]));
            }
            inMonth(now, m -> digests.add(rows(m.c(), """
                    SELECT md5(string_agg(row, E'\\n' ORDER BY row)) FROM (
                        SELECT concat_ws('|', c.code, c.status, c.category, c.channel, c.title, c.reporter_name, c.reporter_phone, ST_AsText(c.point),
                                         c.base_code, c.unit_id, c.supervised, c.leader, c.received_at, c.updated_at, c.version) AS row
                          FROM "case" c WHERE c.id >= %1$d
                        UNION ALL
                        SELECT concat_ws('|', c.code, e.seq, e.type, e.actor, e.at, e.payload) FROM case_event e JOIN "case" c ON c.id = e.case_id
                         WHERE c.id >= %1$d
                        UNION ALL
                        SELECT concat_ws('|', c.code, d.round, d.kind, d.due, d.warn_at, d.met_at) FROM case_deadline d JOIN "case" c ON c.id = d.case_id
                         WHERE c.id >= %1$d
                        UNION ALL
                        SELECT concat_ws('|', c.code, o.code, l.reason) FROM case_link l JOIN "case" c ON c.id = l.case_id
                          JOIN "case" o ON o.id = l.other_id WHERE c.id >= %1$d) rows""".formatted(m.firstId())).get(0)));
        }
        assertThat(digests.get(0)).isNotNull().isEqualTo(digests.get(1));
    }

    private record Event(String type, String actor, Instant at, JsonObject payload) {}

    private record Stored(long id, String code, String ruleSet, CaseStatus status, Instant receivedAt, List<Event> events,
                          List<List<Object>> deadlines) {}

    /** The month's cases with their histories (in the order of their ids, as CaseRecord reads them) and their stored deadlines. */
    private static Map<Long, Stored> stored(Month m) throws SQLException {
        var cases = new LinkedHashMap<Long, Stored>();
        try (var rs = m.c().createStatement().executeQuery("SELECT id, code, rule_set, status, received_at FROM \"case\" WHERE" + m.where()
                + " ORDER BY id")) {
            while (rs.next()) {
                cases.put(rs.getLong(1), new Stored(rs.getLong(1), rs.getString(2), rs.getString(3), CaseStatus.ofCode(rs.getString(4)),
                        rs.getObject(5, java.time.OffsetDateTime.class).toInstant(), new ArrayList<>(), new ArrayList<>()));
            }
        }
        try (var rs = m.c().createStatement().executeQuery("SELECT case_id, type, actor, at, payload FROM case_event WHERE case_id >= "
                + m.firstId() + " ORDER BY case_id, id")) {
            while (rs.next()) {
                cases.get(rs.getLong(1)).events().add(new Event(rs.getString(2), rs.getString(3),
                        rs.getObject(4, java.time.OffsetDateTime.class).toInstant(), new JsonObject(rs.getString(5))));
            }
        }
        try (var rs = m.c().createStatement().executeQuery("""
                SELECT case_id, round, kind, position, started_by, due, warn_at, met_at, duty, provisional FROM case_deadline
                 WHERE case_id >= %d ORDER BY case_id, round, position""".formatted(m.firstId()))) {
            while (rs.next()) {
                cases.get(rs.getLong(1)).deadlines().add(normalised(new Object[] {rs.getLong(1), rs.getInt(2), rs.getString(3), rs.getInt(4),
                        rs.getString(5), instant(rs, 6), instant(rs, 7), instant(rs, 8), rs.getBoolean(9), rs.getBoolean(10)}));
            }
        }
        return cases;
    }

    /** A deadline row with its times as instants to the microsecond, as the database keeps them. */
    private static List<Object> normalised(Object[] row) {
        var values = new ArrayList<>();
        for (Object value : row) {
            if (value instanceof String text && text.matches("\\d{4}-\\d\\d-\\d\\dT.*")) value = java.time.OffsetDateTime.parse(text).toInstant();
            if (value instanceof Instant at) value = at.truncatedTo(ChronoUnit.MICROS);
            if (value instanceof Number n) value = n.longValue();
            values.add(value);
        }
        return values;
    }

    private static Instant instant(java.sql.ResultSet rs, int column) throws SQLException {
        var at = rs.getObject(column, java.time.OffsetDateTime.class);
        return at == null ? null : at.toInstant();
    }

    private static long one(Connection c, String sql) throws SQLException {
        try (var rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static List<String> rows(Connection c, String sql) throws SQLException {
        try (var rs = c.createStatement().executeQuery(sql)) {
            var rows = new ArrayList<String>();
            while (rs.next()) rows.add(rs.getString(1));
            return rows;
        }
    }
}
