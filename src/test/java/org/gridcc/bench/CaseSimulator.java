package org.gridcc.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A seeded, realistic stream of cases through the public API, for demos and benchmarks. Cases
 * come in at the county's households (read from the database), with categories and channels
 * in realistic shares; some are registered late (received hours or days before they are
 * typed in, so their deadlines are near or past); a share of them is then moved along the
 * closed loop by the centre and the units (accept, dispatch to the unit holding it, claim,
 * contact, reply, finish, evaluate, archive; some rejected, escalated or left stalled), each
 * action with the version last read as If-Match, as a duty officer's screen would send it.
 * Not a test.
 *
 * <pre>
 * java -cp ... org.gridcc.bench.CaseSimulator baseUrl rate seconds seed [in-flight, 64] [follow-up share, 0.3]
 * </pre>
 *
 * A rate of 0 sends cases as fast as the service takes them, with {@code in-flight} requests
 * always outstanding; requests in flight never exceed {@code in-flight}. The stream of cases
 * and plans is the same for the same seed; Idempotency-Keys are new on every run, so that a
 * second run with a seed makes new cases instead of replaying the first.
 * Prints a summary on stderr and one line on stdout: {@code accepted-cases/s p50-ms p99-ms
 * errors created}, where accepted means answered 201 (the service answers after the commit)
 * and errors counts every answer that was not the expected one, and every failed request.
 *
 * The households come from GRIDCC_PG_HOST, GRIDCC_PG_PORT and GRIDCC_DB_NAME (default gridcc,
 * the database ./run serves) as GRIDCC_DB_USER with GRIDCC_DB_PASSWORD. Every request carries
 * {@code Authorization: Bearer $GRIDCC_TOKEN}: an admin's token (./bench makes one), whose user
 * is the actor of every action.
 */
public final class CaseSimulator {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Follow-ups still under way this long after the last case was sent are left unfinished. */
    private static final Duration GRACE = Duration.ofSeconds(15);

    /** Shares of the categories in a rural county's grid reports: disputes and street matters first. */
    private static final Weighted<String[]> CATEGORIES = new Weighted<>(
            20, new String[] {"neighbour_dispute", "邻里噪音纠纷", "相邻排水纠纷"},
            8, new String[] {"family_dispute", "婚姻家庭矛盾", "赡养老人纠纷"},
            12, new String[] {"land_dispute", "宅基地界址纠纷", "承包地边界纠纷"},
            7, new String[] {"wage_arrears", "工程款拖欠农民工工资", "工厂欠薪"},
            6, new String[] {"environment", "养殖场气味扰民", "河道垃圾堆积"},
            2, new String[] {"medical_dispute", "卫生院诊疗纠纷"},
            5, new String[] {"petition", "征地补偿信访", "低保评定信访"},
            4, new String[] {"public_order", "夜间聚众滋事隐患", "电诈风险提醒"},
            3, new String[] {"work_safety", "自建房安全隐患", "烟花爆竹违规储存"},
            15, new String[] {"urban_management", "路灯不亮", "道路坑洼积水", "占道经营"},
            10, new String[] {"social_assistance", "困难群众临时救助申请", "残疾人补贴咨询"},
            8, new String[] {"consultation", "医保缴费政策咨询", "农村建房审批咨询"});
    private static final Weighted<String> CHANNELS = new Weighted<>(
            45, "grid_worker", 25, "hotline_12345", 15, "online", 8, "window", 4, "deputy_station", 3, "patrol_inspector");
    private static final Weighted<String> RATINGS = new Weighted<>(80, "满意", 15, "基本满意", 5, "不满意");
    private static final String SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗";

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final ScheduledExecutorService later = Executors.newSingleThreadScheduledExecutor();
    private final String base;
    private final String authorization;
    private final Semaphore inFlight;
    private final AtomicInteger outstanding = new AtomicInteger();
    private final Latencies intakeLatencies = new Latencies();
    private final LongAdder created = new LongAdder();
    private final AtomicLong lastCreatedAt = new AtomicLong();
    private final Map<String, LongAdder> actionsDone = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> errors = new ConcurrentHashMap<>();
    private final LongAdder flowsLeft = new LongAdder();
    private volatile long followUpsUntil = Long.MAX_VALUE;

    private CaseSimulator(String base, String token, int inFlight) {
        this.base = base.replaceAll("/+$", "");
        this.authorization = "Bearer " + token;
        this.inFlight = new Semaphore(inFlight);
    }

    /** Where a case is: a household's point and its base grid. */
    private record Place(double lon, double lat, String grid) {}

    /** A case moved along the loop: the actions still to take, with what the last answer told. */
    private static final class Flow {
        final String code;
        final List<String> actions;
        final String rating;
        int next;
        int version;
        String holder;
        String holderLevel;

        Flow(String code, List<String> actions, String rating, JsonNode view) {
            this.code = code;
            this.rating = rating;
            read(view);
            // A county department has no level above it: its cases are not escalated.
            this.actions = actions.stream().filter(a -> !(a.equals("escalate") && "county".equals(holderLevel))).toList();
        }

        void read(JsonNode view) {
            version = view.path("version").asInt();
            holder = view.path("unit").path("code").asText(null);
            holderLevel = view.path("unit").path("level").asText(null);
        }
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 4) {
            System.err.println("usage: CaseSimulator baseUrl rate(cases/s, 0: as fast as taken) seconds seed [in-flight, 64] [follow-up share, 0.3]");
            System.exit(2);
        }
        double rate = Double.parseDouble(args[1]);
        double seconds = Double.parseDouble(args[2]);
        var random = new SplittableRandom(Long.parseLong(args[3]));
        int inFlight = args.length > 4 ? Integer.parseInt(args[4]) : 64;
        double followUp = args.length > 5 ? Double.parseDouble(args[5]) : 0.3;
        String token = env("GRIDCC_TOKEN", null);
        if (token == null) {
            System.err.println("CaseSimulator: set GRIDCC_TOKEN to an admin's bearer token (POST /api/users/admin/tokens); ./bench makes one");
            System.exit(2);
        }

        List<Place> places = households();
        System.err.printf("CaseSimulator: %,d households; %s cases/s for %.0f s, at most %d requests in flight, %.0f %% followed up%n",
                places.size(), rate == 0 ? "as many" : String.valueOf(rate), seconds, inFlight, followUp * 100);
        var simulator = new CaseSimulator(args[0], token, inFlight);
        simulator.run(places, rate, seconds, followUp, random);
    }

    private void run(List<Place> places, double rate, double seconds, double followUp, SplittableRandom random)
            throws InterruptedException {
        long start = System.nanoTime();
        long end = start + (long) (seconds * 1e9);
        followUpsUntil = end + GRACE.toNanos();
        long sent = 0;
        while (System.nanoTime() < end) {
            if (rate > 0) {
                // Open loop: case i is due at start + i / rate, whether or not earlier ones were answered.
                long due = start + (long) (sent / rate * 1e9);
                long wait = due - System.nanoTime();
                if (wait > 0) TimeUnit.NANOSECONDS.sleep(wait);
                if (System.nanoTime() >= end) break;
            }
            submit(places.get(random.nextInt(places.size())), random, followUp);
            sent++;
        }
        // Wait for every answer and follow-up, or for the grace period to run out.
        while (outstanding.get() > 0 && System.nanoTime() < followUpsUntil) TimeUnit.MILLISECONDS.sleep(20);
        later.shutdownNow();
        report(sent, (Math.max(lastCreatedAt.get(), end) - start) / 1e9);
    }

    /** Sends one case; its body and its follow-up plan come from the seeded random, in order. */
    private void submit(Place place, SplittableRandom random, double followUp) throws InterruptedException {
        String[] category = CATEGORIES.pick(random);
        String channel = CHANNELS.pick(random);
        var body = new LinkedHashMap<String, Object>();
        body.put("channel", channel);
        body.put("category", category[0]);
        body.put("title", category[1 + random.nextInt(category.length - 1)]);
        // Hotline and window staff pick the caller's grid from the address; the others are on the spot.
        if (channel.equals("hotline_12345") || channel.equals("window")) {
            body.put("gridCode", place.grid());
        } else {
            body.put("location", Map.of("lon", place.lon(), "lat", place.lat()));
        }
        if (random.nextDouble() < 0.7) {
            body.put("reporter", Map.of("name", SURNAMES.charAt(random.nextInt(SURNAMES.length())) + (random.nextBoolean() ? "先生" : "女士"),
                    "phone", "1" + (3 + random.nextInt(7)) + String.format("%09d", random.nextInt(1_000_000_000))));
        }
        // Paper registrations typed in later: received up to three days ago, so deadlines are near or past.
        if (random.nextDouble() < 0.08) {
            body.put("receivedAt", OffsetDateTime.now(ZoneOffset.ofHours(8)).minusMinutes(30 + random.nextInt(72 * 60))
                    .truncatedTo(ChronoUnit.SECONDS).toString());
        }
        String rating = RATINGS.pick(random);
        List<String> plan = random.nextDouble() < followUp ? plan(random, rating) : List.of();
        // The flow's own random, split here so that the stream stays the same whatever the timing.
        SplittableRandom flowRandom = plan.isEmpty() ? null : random.split();
        var request = HttpRequest.newBuilder(URI.create(base + "/api/cases")).timeout(Duration.ofSeconds(30))
                .header("Authorization", authorization).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json(body)));
        // The app clients retry over mobile networks, so they send a key; desk clients do not.
        if (channel.equals("grid_worker") || channel.equals("online")) {
            request.header("Idempotency-Key", UUID.randomUUID().toString());
        }

        send(request.build(), "intake", 201, answer -> {
            created.increment();
            lastCreatedAt.accumulateAndGet(System.nanoTime(), Math::max);
            if (!plan.isEmpty()) {
                JsonNode view = parse(answer);
                step(new Flow(view.path("code").asText(), plan, rating, view), flowRandom);
            }
        });
    }

    /**
     * The actions the centre and the units will take: most cases go the whole loop, some are
     * rejected, some escalated once, some stall after dispatch (and will be late), and an
     * unsatisfied rating leaves the case reopened, not archived.
     */
    private static List<String> plan(SplittableRandom random, String rating) {
        if (random.nextDouble() < 0.05) return List.of("reject", "archive");
        var plan = new ArrayList<>(List.of("accept", "dispatch"));
        if (random.nextDouble() < 0.08) plan.add("escalate");
        if (random.nextDouble() < 0.2) return plan;
        plan.add("claim");
        if (random.nextBoolean()) plan.add("contact");
        plan.addAll(List.of("reply", "finish", "evaluate"));
        if (!rating.equals("不满意")) plan.add("archive");
        return plan;
    }

    /** Takes the flow's next action after a pause, as people do. */
    private void step(Flow flow, SplittableRandom random) {
        if (flow.next == flow.actions.size()) return;
        long pause = 200 + random.nextInt(1800);
        if (System.nanoTime() + pause * 1_000_000 > followUpsUntil) {
            flowsLeft.increment();
            return;
        }
        outstanding.incrementAndGet();
        later.schedule(() -> {
            try {
                String action = flow.actions.get(flow.next++);
                send(HttpRequest.newBuilder(URI.create(base + "/api/cases/" + flow.code + "/actions/" + action))
                        .timeout(Duration.ofSeconds(30)).header("Authorization", authorization)
                        .header("Content-Type", "application/json").header("If-Match", "\"" + flow.version + "\"")
                        .POST(HttpRequest.BodyPublishers.ofString(json(actionBody(action, flow)))).build(), action, 200, answer -> {
                            actionsDone.computeIfAbsent(action, a -> new LongAdder()).increment();
                            flow.read(parse(answer));
                            step(flow, random);
                        });
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                outstanding.decrementAndGet();
            }
        }, pause, TimeUnit.MILLISECONDS);
    }

    private static Map<String, Object> actionBody(String action, Flow flow) {
        var body = new LinkedHashMap<String, Object>();
        // No actor: the token's user is the one who acts.
        switch (action) {
            case "dispatch", "claim", "contact", "reply", "finish" -> body.put("unit", flow.holder);
            case "evaluate" -> body.put("rating", flow.rating);
            default -> { }
        }
        switch (action) {
            case "reject" -> body.put("reason", "不属于受理范围");
            case "escalate" -> body.put("reason", "本级无法化解，逐级上报");
            case "contact" -> body.put("reason", "已电话联系当事人");
            case "reply" -> body.put("reason", "已现场处置并答复");
            default -> { }
        }
        return body;
    }

    /** Sends with at most in-flight requests outstanding; an answer other than the expected one is counted as an error. */
    private void send(HttpRequest request, String what, int expected, java.util.function.Consumer<String> onExpected)
            throws InterruptedException {
        inFlight.acquire();
        outstanding.incrementAndGet();
        long sentAt = System.nanoTime();
        http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).whenComplete((response, failure) -> {
            inFlight.release();
            try {
                if (what.equals("intake")) intakeLatencies.add(System.nanoTime() - sentAt);
                if (failure != null) {
                    error(what + " " + failure.getClass().getSimpleName());
                } else if (response.statusCode() != expected) {
                    error(what + " " + response.statusCode());
                } else {
                    onExpected.accept(response.body());
                }
            } catch (RuntimeException e) {
                error(what + " " + e.getClass().getSimpleName());
            } finally {
                outstanding.decrementAndGet();
            }
        });
    }

    private void error(String key) {
        errors.computeIfAbsent(key, k -> new LongAdder()).increment();
    }

    private void report(long sent, double seconds) {
        long ok = created.sum();
        long errorCount = errors.values().stream().mapToLong(LongAdder::sum).sum();
        double p50 = intakeLatencies.percentile(0.50) / 1e6, p99 = intakeLatencies.percentile(0.99) / 1e6;
        System.err.printf("CaseSimulator: %,d cases sent, %,d accepted in %.1f s: %.0f cases/s; POST /api/cases p50 %.1f ms, p99 %.1f ms%n",
                sent, ok, seconds, ok / seconds, p50, p99);
        if (!actionsDone.isEmpty()) System.err.println("CaseSimulator: actions taken " + new TreeMap<>(counts(actionsDone)));
        if (flowsLeft.sum() > 0) System.err.printf("CaseSimulator: %,d cases left partway when the run ended%n", flowsLeft.sum());
        System.err.println("CaseSimulator: errors " + (errorCount == 0 ? "none" : new TreeMap<>(counts(errors))));
        System.out.printf("%.0f %.2f %.2f %d %d%n", ok / seconds, p50, p99, errorCount, ok);
    }

    private static Map<String, Long> counts(Map<String, LongAdder> adders) {
        var counts = new LinkedHashMap<String, Long>();
        adders.forEach((k, v) -> counts.put(k, v.sum()));
        return counts;
    }

    private static List<Place> households() throws java.sql.SQLException {
        var db = new PGSimpleDataSource();
        db.setUrl("jdbc:postgresql://%s:%s/%s?currentSchema=gridcc,public".formatted(
                env("GRIDCC_PG_HOST", "127.0.0.1"), env("GRIDCC_PG_PORT", "55432"), env("GRIDCC_DB_NAME", "gridcc")));
        db.setUser(env("GRIDCC_DB_USER", "gridcc"));
        db.setPassword(env("GRIDCC_DB_PASSWORD", "gridcc"));
        var places = new ArrayList<Place>();
        try (var connection = db.getConnection(); var statement = connection.createStatement();
             var rows = statement.executeQuery("SELECT ST_X(point), ST_Y(point), grid_code FROM household WHERE grid_code IS NOT NULL ORDER BY id")) {
            while (rows.next()) places.add(new Place(rows.getDouble(1), rows.getDouble(2), rows.getString(3)));
        }
        if (places.isEmpty()) throw new IllegalStateException("no households in " + db.getUrl() + ": is the demo county loaded?");
        return places;
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode parse(String body) {
        try {
            return JSON.readTree(body);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String env(String name, String otherwise) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? otherwise : value;
    }

    /** Values picked at random in proportion to their weights: weight, value, weight, value, ... */
    private static final class Weighted<T> {
        private final int[] cumulative;
        private final List<T> values = new ArrayList<>();

        @SuppressWarnings("unchecked")
        Weighted(Object... weightsAndValues) {
            cumulative = new int[weightsAndValues.length / 2];
            int total = 0;
            for (int i = 0; i < cumulative.length; i++) {
                cumulative[i] = total += (Integer) weightsAndValues[2 * i];
                values.add((T) weightsAndValues[2 * i + 1]);
            }
        }

        T pick(SplittableRandom random) {
            int at = Arrays.binarySearch(cumulative, random.nextInt(cumulative[cumulative.length - 1]) + 1);
            return values.get(at >= 0 ? at : -at - 1);
        }
    }

    /** Latencies in ns, kept whole for exact percentiles (a benchmark's worth of requests fits). */
    private static final class Latencies {
        private long[] values = new long[1 << 16];
        private int size;

        synchronized void add(long nanos) {
            if (size == values.length) values = Arrays.copyOf(values, 2 * size);
            values[size++] = nanos;
        }

        synchronized long percentile(double p) {
            if (size == 0) return 0;
            long[] sorted = Arrays.copyOf(values, size);
            Arrays.sort(sorted);
            return sorted[Math.max(0, (int) Math.ceil(p * size) - 1)];
        }
    }
}
