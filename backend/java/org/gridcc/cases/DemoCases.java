package org.gridcc.cases;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.json.JsonObject;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
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
import org.gridcc.grid.NewGrid;
import org.gridcc.grid.demo.ChineseNames;
import org.gridcc.grid.demo.DemoDataConfig;
import org.gridcc.grid.demo.DemoHistory;
import org.gridcc.sla.DeadlineService;
import org.gridcc.sla.WorkingCalendar;

/**
 * A demo county's last month of cases (gridcc.demo.case-days, 30 by default), so that the wall, the
 * desk, the reports and the KPIs of a fresh start show a county at work. The rates follow the seeds:
 * Luoping's 59,845 online requests a year are about 160 a day, so 100 to 180 a working day and about
 * 40 % of that on a rest day, in office hours mostly; Lanshan finished 1,786 of 1,837 requests with
 * more than 95 % satisfied, so nearly every case older than its deadlines is finished and rated, most
 * 满意. Each case comes in at a household of the county, is routed as intake routes it, and is played
 * through the closed loop by the service's rules ({@link CasePlaythrough}, its steps drawn by {@link DemoScript}),
 * linked to its possible duplicates as intake links them ({@link DemoDuplicates}); a few repeat reporters,
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
        DemoSetting county = DemoSetting.read(c);
        List<DemoArrival> arrivals = arrivals(county, days, scale, now, random);
        List<Long> serials = serials(c, arrivals.size());
        var actors = new DemoActors(random);
        var played = new ArrayList<Played>();
        for (int i = 0; i < arrivals.size(); i++) {
            played.add(play(arrivals.get(i), county.firstNewId() + i, serials.get(i), county, actors, now, random));
        }
        List<SeededCase> intakes = played.stream().map(Played::intake).toList();
        List<CasePlaythrough> playthroughs = played.stream().map(Played::playthrough).toList();
        var cases = new ArrayList<SeededCase>();
        var byPhone = new HashMap<String, List<Integer>>();
        for (int i = 0; i < played.size(); i++) {
            cases.add(playthroughs.get(i).done(intakes.get(i), DemoDuplicates.of(intakes, playthroughs, i, byPhone)));
            String phone = intakes.get(i).reporterPhone();
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

    private record Played(SeededCase intake, CasePlaythrough playthrough) {}

    private List<DemoArrival> arrivals(DemoSetting county, int days, int scale, Instant now, Random random) {
        var arrivals = new ArrayList<DemoArrival>();
        LocalDate today = WorkingCalendar.dayOf(now);
        for (LocalDate day = today.minusDays(days); !day.isAfter(today); day = day.plusDays(1)) {
            int n = (100 + random.nextInt(81)) * scale;
            if (!county.calendar().isWorkingDay(day)) n = (int) Math.round(n * REST_DAY_SHARE);
            for (int i = 0; i < n; i++) {
                Instant at = day.atTime(LocalTime.of(pick(HOURS, random), random.nextInt(60), random.nextInt(60)))
                        .atZone(ServiceClock.CHINA).toInstant();
                DemoArrival arrival = arrival(at, county, arrivals, random);
                if (at.isBefore(now)) arrivals.add(arrival);
            }
        }
        // Clusters of the last hours: several reports of one matter at one place, the hotspots of today.
        for (int k = 0; k < CLUSTERS; k++) {
            double[] point = county.household(random);
            Category category = Categories.of(CLUSTERED.get(random.nextInt(CLUSTERED.size()))).orElseThrow();
            int size = 5 + random.nextInt(4);
            for (int i = 0; i < size; i++) {
                Instant at = now.minusSeconds(1800 + random.nextInt(18 * 3600));
                arrivals.add(new DemoArrival(at, category, pick(CHANNELS, random), point, ChineseNames.person(random) + ChineseNames.DEMO_MARK,
                        phone(random)));
            }
        }
        arrivals.sort(Comparator.comparing(DemoArrival::at));
        return arrivals;
    }

    private DemoArrival arrival(Instant at, DemoSetting county, List<DemoArrival> earlier, Random random) {
        Category category = Categories.of(pick(CATEGORIES, random)).orElseThrow();
        double[] point = county.household(random);
        String reporter = ChineseNames.person(random) + ChineseNames.DEMO_MARK, phone = phone(random);
        double draw = random.nextDouble();
        DemoArrival before = earlier.isEmpty() ? null : earlier.get(Math.max(0, earlier.size() - 1 - random.nextInt(200)));
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
        return new DemoArrival(at, category, pick(CHANNELS, random), point, reporter, phone);
    }

    /** Takes the arrival in as intake would, then plays it through. */
    private Played play(DemoArrival a, long id, long serial, DemoSetting county, DemoActors actors, Instant now, Random random) {
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
        new DemoScript(p, a, county, actors, chain, random, now).run();
        return new Played(intake, p);
    }

    private static String title(Category category, Random random) {
        String[] about = {"群众反映", "来电反映", "现场发现", "网上留言反映"};
        return "%s%s问题".formatted(about[random.nextInt(about.length)], category.name());
    }

    private static String phone(Random random) {
        return "100%08d".formatted(random.nextInt(100_000_000));
    }

    private static List<Long> serials(Connection c, int n) throws SQLException {
        var serials = new ArrayList<Long>();
        try (var rs = c.createStatement().executeQuery("SELECT nextval('case_serial') FROM generate_series(1, %d)".formatted(n))) {
            while (rs.next()) serials.add(rs.getLong(1));
        }
        return serials;
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
