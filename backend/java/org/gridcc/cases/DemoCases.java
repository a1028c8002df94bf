package org.gridcc.cases;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.gridcc.common.ServiceClock;
import org.gridcc.grid.GridChain;
import org.gridcc.grid.GridLevel;
import org.gridcc.grid.GridLookup;
import org.gridcc.grid.NewGrid;
import org.gridcc.grid.demo.ChineseNames;
import org.gridcc.grid.demo.DemoDataConfig;
import org.gridcc.grid.demo.DemoHistory;
import org.gridcc.people.MediationKind;
import org.gridcc.sla.DeadlineService;
import org.gridcc.sla.WorkingCalendar;

/**
 * A demo county's last month of cases (gridcc.demo.case-days, 30 by default), so that the wall, the
 * desk, the reports and the KPIs of a fresh start show a county at work. The rates follow the seeds:
 * Luoping's 59,845 online requests a year are about 160 a day, so 100 to 180 a working day and about
 * 40 % of that on a rest day, in office hours mostly; Lanshan finished 1,786 of 1,837 requests with
 * more than 95 % satisfied, so nearly every case older than its deadlines is finished and rated, most
 * 满意. Each case comes in at a household of the county, is routed as intake routes it, and is played
 * through the closed loop by the service's rules ({@link CasePlaythrough}); a few repeat reporters,
 * near duplicates and clusters of the last hours (hotspots today) are among them. Everything is
 * deterministic by the seed for a given now; reporters and actors carry {@link ChineseNames#DEMO_MARK},
 * phones are invented (100 and 8 digits: no such mobile numbers exist).
 */
@ApplicationScoped
public class DemoCases implements DemoHistory {

    private static final double[] HOURS = {1, 1, 0.5, 0.5, 0.5, 1, 2, 4, 8, 10, 10, 9, 5, 6, 9, 10, 9, 7, 5, 4, 4, 3, 2, 1};
    /** Shares by category: requests and disputes most, petitions and reports of officials few. */
    private static final Map<String, Double> CATEGORIES = Map.ofEntries(Map.entry("urban_management", 18.0),
            Map.entry("consultation", 15.0), Map.entry("neighbour_dispute", 14.0), Map.entry("social_assistance", 10.0),
            Map.entry("land_dispute", 7.0), Map.entry("environment", 7.0), Map.entry("family_dispute", 6.0), Map.entry("wage_arrears", 6.0),
            Map.entry("public_order", 5.0), Map.entry("work_safety", 5.0), Map.entry("petition", 4.0), Map.entry("medical_dispute", 2.0),
            Map.entry("report_official", 1.0));
    /** Shares by channel: online and the hotline first (Luoping's requests are online), then the grid workers. */
    private static final Map<Channel, Double> CHANNELS = Map.of(Channel.ONLINE, 35.0, Channel.HOTLINE_12345, 25.0,
            Channel.GRID_WORKER, 25.0, Channel.WINDOW, 8.0, Channel.PATROL_INSPECTOR, 4.0, Channel.DEPUTY_STATION, 3.0);
    private static final List<String> CLUSTERED = List.of("environment", "wage_arrears", "public_order", "land_dispute");
    private static final int CLUSTERS = 3;
    private static final double REST_DAY_SHARE = 0.4, ANONYMOUS = 0.08, REPEAT_REPORTER = 0.04, NEAR_DUPLICATE = 0.03;
    /** Cases left where they are for good (the overdue of today), cases handled late, supervised once overdue. */
    private static final double STALLED = 0.004, LATE = 0.03, SUPERVISED = 0.7, ESCALATED = 0.04, CONTACTED = 0.65,
            MEDIATED = 0.8, AGREED = 0.85, CONFIRMED = 0.2, LED = 0.05, REJECTED = 0.08;
    private static final double EARTH_METRES = 6_371_008.8;

    private final DemoDataConfig config;
    private final DeadlineService sla;
    private final DeadlineSweeper sweeper;
    private final ObjectMapper json;
    private final ServiceClock clock;

    public DemoCases(DemoDataConfig config, DeadlineService sla, DeadlineSweeper sweeper, ObjectMapper json, ServiceClock clock) {
        this.config = config;
        this.sla = sla;
        this.sweeper = sweeper;
        this.json = json;
        this.clock = clock;
    }

    @Override
    public String write(Connection c, List<NewGrid> grids, long seed, LocalDate today) throws SQLException {
        if (config.caseDays() <= 0) return "no case history (gridcc.demo.case-days=0)";
        return write(c, seed, config.caseDays(), config.scale(), clock.now());
    }

    /**
     * Writes the cases of the {@code days} days before the day of {@code now} and of that day until now, in the caller's
     * transaction: a county's daily number {@code scale} times over.
     */
    String write(Connection c, long seed, int days, int scale, Instant now) throws SQLException {
        long started = System.nanoTime();
        now = now.truncatedTo(ChronoUnit.SECONDS);
        var random = new Random(seed ^ 0x6361736573L);
        County county = County.read(c);
        List<Arrival> arrivals = arrivals(county, days, scale, now, random);
        List<Long> serials = serials(c, arrivals.size());
        long firstId = single(c, "SELECT coalesce(max(id), 0) + 1 FROM \"case\"");
        var actors = new Actors(random);
        var played = new ArrayList<Played>();
        for (int i = 0; i < arrivals.size(); i++) {
            played.add(play(arrivals.get(i), firstId + i, serials.get(i), county, actors, now, random));
        }
        var cases = new ArrayList<SeededCase>();
        var byPhone = new HashMap<String, List<Integer>>();
        for (int i = 0; i < played.size(); i++) {
            cases.add(played.get(i).playthrough().done(played.get(i).intake(), links(played, i, byPhone)));
            String phone = played.get(i).intake().reporterPhone();
            if (phone != null) byPhone.computeIfAbsent(phone, k -> new ArrayList<>()).add(i);
        }
        long playedAt = System.nanoTime();
        CaseRecord.copySeeded(c, cases);
        long open = cases.stream().filter(k -> k.status().isOpen()).count();
        long events = cases.stream().mapToLong(k -> k.events().size()).sum();
        return "%,d cases over the last %d days (%,d open), %,d events in %.1f s (%.1f s to play them through, %.1f s to write them)"
                .formatted(cases.size(), days, open, events, (System.nanoTime() - started) / 1e9, (playedAt - started) / 1e9,
                        (System.nanoTime() - playedAt) / 1e9);
    }

    /** What the county has that cases need: its grids, households, units, mediators and calendar, as the transaction sees them. */
    private record County(GridLookup grids, List<double[]> households, Map<String, CasePlaythrough.Unit> units,
                          List<Mediator> mediators, WorkingCalendar calendar) {

        static County read(Connection c) throws SQLException {
            int version = (int) single(c, "SELECT id FROM grid_version WHERE status = 'published'");
            var households = new ArrayList<double[]>();
            try (var rs = c.createStatement().executeQuery("SELECT ST_X(point), ST_Y(point) FROM household ORDER BY id")) {
                while (rs.next()) households.add(new double[] {rs.getDouble(1), rs.getDouble(2)});
            }
            var units = new HashMap<String, CasePlaythrough.Unit>();
            try (var rs = c.createStatement().executeQuery("SELECT id, code, level FROM unit")) {
                while (rs.next()) units.put(rs.getString(2), new CasePlaythrough.Unit(rs.getInt(1), rs.getString(2), rs.getString(3)));
            }
            var mediators = new ArrayList<Mediator>();
            try (var rs = c.createStatement().executeQuery(
                    "SELECT id, name, mediation_kind, specialties FROM person WHERE kind = 'mediator' ORDER BY id")) {
                while (rs.next()) {
                    mediators.add(new Mediator(rs.getInt(1), rs.getString(2), MediationKind.ofCode(rs.getString(3)),
                            List.of((String[]) rs.getArray(4).getArray())));
                }
            }
            return new County(GridLookup.load(c, version), households, units, mediators, WorkingCalendar.load(c));
        }
    }

    private record Mediator(int id, String name, MediationKind kind, List<String> specialties) {}

    /** A case as it comes in: when, what, through which channel, where (a household) and from whom. */
    private record Arrival(Instant at, Category category, Channel channel, double[] point, String reporter, String phone) {}

    private record Played(SeededCase intake, CasePlaythrough playthrough) {}

    private List<Arrival> arrivals(County county, int days, int scale, Instant now, Random random) {
        var arrivals = new ArrayList<Arrival>();
        LocalDate today = WorkingCalendar.dayOf(now);
        for (LocalDate day = today.minusDays(days); !day.isAfter(today); day = day.plusDays(1)) {
            int n = (100 + random.nextInt(81)) * scale;
            if (!county.calendar().isWorkingDay(day)) n = (int) Math.round(n * REST_DAY_SHARE);
            for (int i = 0; i < n; i++) {
                Instant at = day.atTime(LocalTime.of(pick(HOURS, random), random.nextInt(60), random.nextInt(60)))
                        .atZone(ServiceClock.CHINA).toInstant();
                Arrival arrival = arrival(at, county, arrivals, random);
                if (at.isBefore(now)) arrivals.add(arrival);
            }
        }
        // Clusters of the last hours: several reports of one matter at one place, the hotspots of today.
        for (int k = 0; k < CLUSTERS; k++) {
            double[] point = household(county, random);
            Category category = Categories.of(CLUSTERED.get(random.nextInt(CLUSTERED.size()))).orElseThrow();
            int size = 5 + random.nextInt(4);
            for (int i = 0; i < size; i++) {
                Instant at = now.minusSeconds(1800 + random.nextInt(18 * 3600));
                arrivals.add(new Arrival(at, category, pick(CHANNELS, random), point, ChineseNames.person(random) + ChineseNames.DEMO_MARK,
                        phone(random)));
            }
        }
        arrivals.sort(Comparator.comparing(Arrival::at));
        return arrivals;
    }

    private Arrival arrival(Instant at, County county, List<Arrival> earlier, Random random) {
        Category category = Categories.of(pick(CATEGORIES, random)).orElseThrow();
        double[] point = household(county, random);
        String reporter = ChineseNames.person(random) + ChineseNames.DEMO_MARK, phone = phone(random);
        double draw = random.nextDouble();
        Arrival before = earlier.isEmpty() ? null : earlier.get(Math.max(0, earlier.size() - 1 - random.nextInt(200)));
        if (draw < ANONYMOUS) {
            reporter = null;
            phone = null;
        } else if (before != null && before.phone() != null && draw < ANONYMOUS + REPEAT_REPORTER) {
            reporter = before.reporter();
            phone = before.phone();
        } else if (before != null && draw < ANONYMOUS + REPEAT_REPORTER + NEAR_DUPLICATE) {
            category = before.category();
            point = before.point();
        }
        return new Arrival(at, category, pick(CHANNELS, random), point, reporter, phone);
    }

    /** Takes the arrival in as intake would, then plays it through. */
    private Played play(Arrival a, long id, long serial, County county, Actors actors, Instant now, Random random) {
        GridChain chain = county.grids().locate(a.point()[0], a.point()[1]).orElseThrow(() -> new IllegalStateException(
                "a household at %s lies in no grid".formatted(List.of(a.point()[0], a.point()[1]))));
        Risk risk = a.category().risk();
        String ruleSet = CaseIntake.ruleSetOf(a.category());
        CasePlaythrough.Unit unit = county.units().get(CaseIntake.unitCode(chain.chain(), risk, a.category()));
        String code = new CaseCode(chain.chain().get(0).code(), WorkingCalendar.dayOf(a.at()), serial).text();
        String takenInBy = a.channel() == Channel.GRID_WORKER || a.channel() == Channel.PATROL_INSPECTOR
                ? actors.worker(chain.finest().code(), random) : actors.centre(random);
        JsonObject payload = CaseIntake.receivedPayload(a.category(), risk, chain.chain(), ruleSet, takenInBy)
                .put("unitId", unit == null ? null : unit.id()).put("receivedAt", CaseRecord.jsonTime(a.at()));
        var received = new CaseRecord.NewEvent(CaseAction.RECEIVED_EVENT, "channel:" + a.channel().code(), a.at(), payload);
        var intake = new SeededCase(id, code, a.channel(), a.category(), risk, title(a.category(), random),
                "演示数据：演示县一个月的事项之一，由演示生成器写入。", a.reporter(), a.phone(), a.point()[0], a.point()[1],
                chain.gridVersion(), chain.chain(), CaseStatus.RECEIVED, unit == null ? null : unit.id(), ruleSet, false, null, a.at(), 0,
                a.at(), List.of(), List.of(), List.of(), List.of());
        var p = new CasePlaythrough(sla, county.calendar(), sweeper, json, now, ruleSet, received, unit);
        new Script(p, a, county, actors, chain, random, now).run();
        return new Played(intake, p);
    }

    /** The steps a case takes, with their times and shares; it stops at the first step not before now. */
    private final class Script {
        private final CasePlaythrough p;
        private final Arrival a;
        private final County county;
        private final Actors actors;
        private final GridChain chain;
        private final Random random;
        private final Instant now;
        private final boolean supervise;
        private final boolean petition;
        private final String centre;

        Script(CasePlaythrough p, Arrival a, County county, Actors actors, GridChain chain, Random random, Instant now) {
            this.p = p;
            this.a = a;
            this.county = county;
            this.actors = actors;
            this.chain = chain;
            this.random = random;
            this.now = now;
            this.supervise = random.nextDouble() < SUPERVISED;
            this.petition = CaseIntake.ruleSetOf(a.category()).equals(Categories.PETITION_RULE_SET);
            this.centre = actors.centre(random);
        }

        void run() {
            if (!intake() || stalled() || !handle(true)) {
                superviseIfOverdue(now);
            }
        }

        /** The centre's first step: a request is dispatched; a petition is first accepted (or not) within its 15 days. */
        private boolean intake() {
            CasePlaythrough.Unit routed = p.unit();
            if (petition) {
                Instant decided = a.at().plus(hours(4, 120));
                if (random.nextDouble() < REJECTED) {
                    if (step(CaseAction.REJECT, request(null, "不属于信访事项受理范围，已书面告知信访人依法通过诉讼途径解决"), centre, decided, null)) {
                        step(CaseAction.ARCHIVE, request(null, null), centre, p.last().plus(hours(24, 72)), null);
                    }
                    return false;
                }
                if (!step(CaseAction.ACCEPT, request(null, null), centre, decided, null)) return false;
            }
            return step(CaseAction.DISPATCH, request(routed.code(), null), centre, dispatchTime(), routed);
        }

        /** Claim, contact, mediation, reply, finish, rating, archive; once more after an unsatisfied rating. */
        private boolean handle(boolean firstRound) {
            if (!claim()) return false;
            if (p.unit().level().equals("village") || p.unit().level().equals("township")) {
                if (random.nextDouble() < ESCALATED) {
                    CasePlaythrough.Unit above = county.units().get(CaseActions.unitAbove(p.unit().level(),
                            GridChain.codeAt(chain.chain(), GridLevel.TOWNSHIP), GridChain.codeAt(chain.chain(), GridLevel.COUNTY),
                            a.category().code()));
                    if (!step(CaseAction.ESCALATE, request(null, "超出本级处置能力，申请上级协调处置"), holder(), p.last().plus(hours(1, 8)), above)
                            || !claim()) {
                        return false;
                    }
                }
            }
            if (a.category().risk() == Risk.HIGH && random.nextDouble() < LED) {
                Instant at = p.last().plus(hours(1, 12));
                var leader = new ActionRequest.Leader("县委副书记" + ChineseNames.person(random) + ChineseNames.DEMO_MARK,
                        p.unit().code(), ChineseNames.person(random) + ChineseNames.DEMO_MARK, WorkingCalendar.dayOf(at).plusDays(7 + random.nextInt(8)));
                if (!step(CaseAction.ASSIGN_LEADER, new ActionRequest(null, null, null, null, leader, null, null, null), centre, at, null)) {
                    return false;
                }
            }
            if (random.nextDouble() < CONTACTED && !step(CaseAction.CONTACT, request(p.unit().code(), null), holder(),
                    p.last().plus(hours(1, 12)), null)) {
                return false;
            }
            if (a.category().mediation() && random.nextDouble() < MEDIATED && !mediate()) return false;
            if (stalled()) return false;
            if (!step(CaseAction.REPLY, request(p.unit().code(), "已向当事人答复处理意见"), holder(), replyTime(), null)) return false;
            if (stalled()) return false;
            Instant finished = late() ? a.at().plus(Duration.ofDays(7)).plus(hours(6, 72)) : p.last().plus(hours(1, 30));
            if (!step(CaseAction.FINISH, request(p.unit().code(), "已办结"), holder(), finished, null)) return false;
            double rated = random.nextDouble();
            var rating = rated < 0.9 ? ActionRequest.Rating.SATISFIED
                    : rated < 0.97 || !firstRound ? ActionRequest.Rating.BASICALLY_SATISFIED : ActionRequest.Rating.UNSATISFIED;
            if (!step(CaseAction.EVALUATE, new ActionRequest(null, "回访", null, rating, null, null, null, null), centre,
                    p.last().plus(hours(4, 48)), null)) {
                return false;
            }
            if (rating == ActionRequest.Rating.UNSATISFIED) return handle(false);
            return step(CaseAction.ARCHIVE, request(null, null), centre, p.last().plus(hours(24, 96)), null);
        }

        private boolean claim() {
            double draw = random.nextDouble();
            Duration after = draw < LATE ? hours(25, 40) : draw < 0.1 ? hours(5, 20) : hours(0.2, 5);
            return step(CaseAction.CLAIM, request(p.unit().code(), null), holder(), p.last().plus(after), null);
        }

        /** 调解 by a mediator of the pool who takes the category (点菜), as the mediate action records it. */
        private boolean mediate() {
            List<Mediator> pool = county.mediators().stream().filter(m -> m.specialties().contains(a.category().code())).toList();
            if (pool.isEmpty()) return true;
            Mediator m = pool.get(random.nextInt(pool.size()));
            boolean agreed = random.nextDouble() < AGREED;
            var mediation = new ActionRequest.Mediation(m.id(), null, agreed, agreed && random.nextDouble() < CONFIRMED, null)
                    .resolved(m.name(), m.kind());
            var request = new ActionRequest(null, agreed ? "双方达成调解协议" : "调解未达成协议，告知当事人其他解决途径", null, null, null, null, null, mediation);
            return step(CaseAction.MEDIATE, request, holder(), p.last().plus(hours(2, 30)), null);
        }

        /** Luoping's 72 hours from receipt, mostly met; a petition's 60 days from acceptance, well within. */
        private Instant replyTime() {
            Instant at;
            if (petition) at = p.last().plus(hours(5 * 24, 40 * 24));
            else if (late()) at = a.at().plus(hours(74, 110));
            else if (a.category().code().equals("consultation")) at = p.last().plus(hours(0.5, 8));
            else at = a.at().plus(hours(6, 68));
            return at.isAfter(p.last()) ? at : p.last().plus(hours(0.5, 6));
        }

        /** Nights and early mornings wait for the centre's morning shift. */
        private Instant dispatchTime() {
            int hour = a.at().atZone(ServiceClock.CHINA).getHour();
            if (hour >= 8 && hour < 22) return p.last().plus(hours(0.1, 1.5));
            LocalDate day = WorkingCalendar.dayOf(a.at());
            if (hour >= 22) day = day.plusDays(1);
            return day.atTime(8, 0).atZone(ServiceClock.CHINA).toInstant().plus(hours(0, 1));
        }

        /** An action, after the centre's 督办 of a duty that fell overdue before it. */
        private boolean step(CaseAction action, ActionRequest request, String actor, Instant at, CasePlaythrough.Unit to) {
            superviseIfOverdue(at);
            return p.act(action, request, actor, at, to);
        }

        private void superviseIfOverdue(Instant until) {
            if (!supervise || p.supervised()) return;
            p.overdueBefore(until).ifPresent(overdue -> {
                Instant at = overdue.plus(hours(0.5, 3));
                if (at.isBefore(until)) p.act(CaseAction.SUPERVISE, request(null, "督办：已超时限，请加快办理并按时反馈"), centre, at, null);
            });
        }

        private boolean stalled() {
            return random.nextDouble() < STALLED;
        }

        private boolean late() {
            return random.nextDouble() < LATE;
        }

        private static ActionRequest request(String unit, String reason) {
            return new ActionRequest(null, reason, unit, null, null, null, null, null);
        }

        private String holder() {
            return actors.unit(p.unit().code(), random);
        }

        private Duration hours(double from, double to) {
            return Duration.ofSeconds((long) ((from + random.nextDouble() * (to - from)) * 3600));
        }
    }

    /**
     * The possible duplicates intake would have linked (case-intake.sql): open earlier cases near in place and time, or of the
     * same reporter ({@code byPhone}: the earlier cases' indexes by reporter phone). Looked up by phone and within the
     * category's window rather than over the whole month: a city's month (./bench scale) would take hours.
     */
    private static List<SeededCase.Link> links(List<Played> played, int index, Map<String, List<Integer>> byPhone) {
        SeededCase n = played.get(index).intake();
        Category category = n.category();
        record Found(SeededCase other, String reason) {}
        var found = new HashMap<Long, Found>();
        Instant windowStart = n.receivedAt().minus(Duration.ofHours(category.duplicateWindowHours()));
        for (int i = index - 1; i >= 0 && played.get(i).intake().receivedAt().isAfter(windowStart); i--) {
            SeededCase o = played.get(i).intake();
            if (o.category() == category && openAt(played.get(i).playthrough(), n.receivedAt())
                    && metres(o, n) <= category.duplicateRadiusMetres()) {
                found.put(o.id(), new Found(o, "nearby"));
            }
        }
        // The same reporter comes first when a case is both.
        Instant reporterStart = n.receivedAt().minus(Duration.ofDays(CaseIntake.SAME_REPORTER_DAYS));
        for (int i : n.reporterPhone() == null ? List.<Integer>of() : byPhone.getOrDefault(n.reporterPhone(), List.of())) {
            SeededCase o = played.get(i).intake();
            if (o.receivedAt().isAfter(reporterStart) && openAt(played.get(i).playthrough(), n.receivedAt())) {
                found.put(o.id(), new Found(o, "same_reporter"));
            }
        }
        List<Found> nearest = found.values().stream()
                .sorted(Comparator.comparing((Found f) -> Duration.between(f.other().receivedAt(), n.receivedAt()).abs()))
                .limit(CaseIntake.MAX_LINKS).toList();
        var codes = new JsonArray();
        nearest.stream().map(f -> f.other().code()).sorted().forEach(codes::add);
        played.get(index).playthrough().events().get(0).payload().put("possibleDuplicates", codes);
        return nearest.stream().map(f -> new SeededCase.Link(f.other().id(), f.reason())).toList();
    }

    /** Whether the case was open at that instant, by the states its history reached (CaseAction.statesReached). */
    private static boolean openAt(CasePlaythrough p, Instant at) {
        var reached = CaseAction.statesReached();
        CaseStatus status = CaseStatus.RECEIVED;
        for (CaseRecord.NewEvent e : p.events()) {
            if (!e.at().isBefore(at)) break;
            status = reached.getOrDefault(e.type(), status);
        }
        return status.isOpen();
    }

    private static double metres(SeededCase a, SeededCase b) {
        double f1 = Math.toRadians(a.lat()), f2 = Math.toRadians(b.lat());
        double df = f2 - f1, dl = Math.toRadians(b.lon() - a.lon());
        double h = Math.sin(df / 2) * Math.sin(df / 2) + Math.cos(f1) * Math.cos(f2) * Math.sin(dl / 2) * Math.sin(dl / 2);
        return 2 * EARTH_METRES * Math.asin(Math.sqrt(h));
    }

    /** Who acts: the centre's officers on duty, one officer of each unit, grid workers taking cases in. */
    private static final class Actors {
        private final List<String> centre = new ArrayList<>();
        private final Map<String, String> units = new HashMap<>();

        Actors(Random random) {
            for (int n = 1; n <= 6; n++) centre.add("%s%s (demo-centre-%d)".formatted(ChineseNames.person(random), ChineseNames.DEMO_MARK, n));
        }

        String centre(Random random) {
            return centre.get(random.nextInt(centre.size()));
        }

        String unit(String unitCode, Random random) {
            return units.computeIfAbsent(unitCode, code -> "%s%s (demo-unit-%s)".formatted(ChineseNames.person(random), ChineseNames.DEMO_MARK, code));
        }

        String worker(String gridCode, Random random) {
            return units.computeIfAbsent("grid:" + gridCode,
                    code -> "%s%s (demo-worker-%s)".formatted(ChineseNames.person(random), ChineseNames.DEMO_MARK, gridCode));
        }
    }

    private static String title(Category category, Random random) {
        String[] about = {"群众反映", "来电反映", "现场发现", "网上留言反映"};
        return "%s%s问题".formatted(about[random.nextInt(about.length)], category.name());
    }

    private static String phone(Random random) {
        return "100%08d".formatted(random.nextInt(100_000_000));
    }

    private static double[] household(County county, Random random) {
        return county.households().get(random.nextInt(county.households().size()));
    }

    private static List<Long> serials(Connection c, int n) throws SQLException {
        var serials = new ArrayList<Long>();
        try (var rs = c.createStatement().executeQuery("SELECT nextval('case_serial') FROM generate_series(1, %d)".formatted(n))) {
            while (rs.next()) serials.add(rs.getLong(1));
        }
        return serials;
    }

    private static long single(Connection c, String sql) throws SQLException {
        try (var rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static int pick(double[] weights, Random random) {
        double total = 0;
        for (double w : weights) total += w;
        double draw = random.nextDouble() * total;
        for (int i = 0; i < weights.length; i++) {
            draw -= weights[i];
            if (draw < 0) return i;
        }
        return weights.length - 1;
    }

    /** A key drawn by weight, over the keys in a fixed order so that a seed always draws the same. */
    private static <K extends Comparable<K>> K pick(Map<K, Double> weights, Random random) {
        List<K> keys = weights.keySet().stream().sorted().toList();
        double[] w = keys.stream().mapToDouble(weights::get).toArray();
        return keys.get(pick(w, random));
    }
}
