package org.gridcc.people;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.gridcc.access.DemoWorkers;
import org.gridcc.common.CopyIn;
import org.gridcc.grid.GridLevel;
import org.gridcc.grid.NewGrid;
import org.gridcc.grid.demo.ChineseNames;
import org.gridcc.grid.demo.DemoPeople;

/**
 * The people of a demo county at the seeds' scale, marked demo, the same for the same seed: a head
 * for every grid below the county (the grid's own head name), grid workers as Luoping has them
 * (8,921 for 8,057 base grids, so scaled by base grids), Lanshan's 35 patrol inspectors (each with a
 * login of its own), Lushui's 59 mediators in 25 bodies, and county leaders receiving petitioners every
 * day of the month in turn (Mizhi) with deputies on the 9th and 19th (Xinji). Written with COPY in the
 * loader's transaction.
 */
@ApplicationScoped
public class DemoRegister implements DemoPeople {

    static final int LUOPING_WORKERS = 8_921, LUOPING_BASE_GRIDS = 8_057, INSPECTORS = 35, MEDIATORS = 59;

    private static final String COPY = "COPY person (kind, name, phone, grid_code, head_level, duty_days, specialties, mediation_kind, body, "
            + "reception_days, username, demo) FROM STDIN";

    /** A mediation body of the county: name, kind, the disputes it takes (empty: all, its mediators each take a few). */
    private record Body(String name, MediationKind kind, List<String> takes) {}

    private static final List<Body> COUNTY_BODIES = List.of(
            new Body("县人民调解委员会", MediationKind.PEOPLE, List.of()),
            new Body("县医疗纠纷人民调解委员会", MediationKind.PEOPLE, List.of("medical_dispute")),
            new Body("县婚姻家庭纠纷人民调解委员会", MediationKind.PEOPLE, List.of("family_dispute")),
            new Body("县物业纠纷人民调解委员会", MediationKind.PEOPLE, List.of("neighbour_dispute")),
            new Body("县诉调对接人民调解委员会", MediationKind.PEOPLE, List.of()),
            new Body("县劳动人事争议调解中心", MediationKind.ADMINISTRATIVE, List.of("wage_arrears")),
            new Body("县自然资源局土地权属争议调处室", MediationKind.ADMINISTRATIVE, List.of("land_dispute")),
            new Body("县卫生健康局医患纠纷调处室", MediationKind.ADMINISTRATIVE, List.of("medical_dispute")),
            new Body("县信访局联合接访调处室", MediationKind.ADMINISTRATIVE, List.of()),
            new Body("县人民法院诉调对接中心", MediationKind.JUDICIAL, List.of()),
            new Body("县人民法院家事调解室", MediationKind.JUDICIAL, List.of("family_dispute")),
            new Body("县人民法院劳动争议调解室", MediationKind.JUDICIAL, List.of("wage_arrears")));
    private static final int BODIES = 25;
    private static final List<String> LEADER_POSTS = List.of("县委书记", "县长", "县人大常委会主任", "县政协主席", "县委副书记", "常务副县长",
            "县委政法委书记", "县纪委书记", "副县长", "县人大常委会副主任", "县政协副主席");

    /** One row of the COPY. */
    private record Row(String kind, String name, String phone, String grid, String level, String dutyDays, String specialties,
                       String mediationKind, String body, String receptionDays, String username) {
        Row(String kind, String name, String phone, String grid, String level, String dutyDays, String specialties,
            String mediationKind, String body, String receptionDays) {
            this(kind, name, phone, grid, level, dutyDays, specialties, mediationKind, body, receptionDays, null);
        }
    }

    private final DisputeCategories disputes;

    public DemoRegister(DisputeCategories disputes) {
        this.disputes = disputes;
    }

    @Override
    public int write(Connection connection, List<NewGrid> grids, long seed) throws SQLException {
        Random random = new Random(seed ^ 0x7065_6f70_6c65L);
        var rows = new ArrayList<Row>();
        String county = grids.stream().filter(g -> g.level() == GridLevel.COUNTY).findFirst().orElseThrow().code();
        List<NewGrid> townships = grids.stream().filter(g -> g.level() == GridLevel.TOWNSHIP).toList();
        for (NewGrid grid : grids) {
            HeadLevel.ofGrid(grid.level()).ifPresent(level -> rows.add(new Row("head", grid.head() != null ? grid.head()
                    : ChineseNames.person(random), phone(random), grid.code(), level.code(), null, null, null, null, null)));
        }
        workers(grids, random, rows);
        inspectors(connection, townships, random, rows);
        mediators(county, townships, random, rows);
        for (int i = 0; i < LEADER_POSTS.size(); i++) {
            // Every day of the month one leader receives (Mizhi's 坐班接访): the i-th on days i+1, i+12, i+23.
            int first = i + 1;
            String days = IntStream.of(first, first + 11, first + 22).filter(d -> d <= 31).mapToObj(Integer::toString)
                    .collect(Collectors.joining(",", "{", "}"));
            rows.add(new Row("leader", ChineseNames.person(random), phone(random), county, null, null, null, null, LEADER_POSTS.get(i), days));
        }
        for (int i = 0; i < 2; i++) {
            rows.add(new Row("leader", ChineseNames.person(random), phone(random), county, null, null, null, null,
                    "人大代表（联络站、信访办双进站）", "{9,19}"));
        }
        CopyIn.rows(connection, COPY, rows, r -> new Object[] {r.kind(), demoName(r.name()), r.phone(), r.grid(), r.level(),
                r.dutyDays(), r.specialties(), r.mediationKind(), r.body(), r.receptionDays(), r.username(), true});
        return rows.size();
    }

    /**
     * Lanshan's 35 patrol inspectors, spread over the townships (their beat), each with a login made from
     * the person (username demo-inspector-01.., role worker, the person's name and beat) for the patrol reports.
     */
    private static void inspectors(Connection connection, List<NewGrid> townships, Random random, List<Row> rows) throws SQLException {
        var accounts = new ArrayList<DemoWorkers.DemoWorker>();
        for (int i = 0; i < INSPECTORS; i++) {
            NewGrid beat = townships.get(i % townships.size());
            String name = ChineseNames.person(random), username = "demo-inspector-%02d".formatted(i + 1);
            rows.add(new Row("inspector", name, phone(random), beat.code(), null, null, null, null,
                    "民情巡察第%d组".formatted(i / townships.size() + 1), null, username));
            accounts.add(new DemoWorkers.DemoWorker(username, demoName(name), beat.code()));
        }
        DemoWorkers.copy(connection, accounts);
    }

    private static String demoName(String name) {
        return name + ChineseNames.DEMO_MARK;
    }

    /** Luoping's ratio of workers to base grids: one for each, the rest to grids drawn at random; weekdays shared out among a grid's workers. */
    private static void workers(List<NewGrid> grids, Random random, List<Row> rows) {
        List<NewGrid> bases = grids.stream().filter(g -> g.level() == GridLevel.BASE).toList();
        int[] count = new int[bases.size()];
        java.util.Arrays.fill(count, 1);
        long total = Math.round((double) LUOPING_WORKERS * bases.size() / LUOPING_BASE_GRIDS);
        for (long extra = total - bases.size(); extra > 0; extra--) count[random.nextInt(bases.size())]++;
        for (int g = 0; g < bases.size(); g++) {
            for (int w = 0; w < count[g]; w++) {
                int worker = w, of = count[g];
                String days = IntStream.rangeClosed(1, 5).filter(d -> (d - 1) % of == worker).mapToObj(Integer::toString)
                        .collect(Collectors.joining(",", "{", "}"));
                rows.add(new Row("worker", ChineseNames.person(random), phone(random), bases.get(g).code(), null, days, null, null, null, null));
            }
        }
    }

    /** Lushui's pool: 59 mediators in 25 bodies, the county's own and the townships' people's mediation committees. */
    private void mediators(String county, List<NewGrid> townships, Random random, List<Row> rows) {
        var bodies = new ArrayList<Body>(COUNTY_BODIES);
        var grids = new ArrayList<String>();
        COUNTY_BODIES.forEach(b -> grids.add(county));
        for (int i = 0; bodies.size() < BODIES; i++) {
            NewGrid township = townships.get(i % townships.size());
            String place = township.name().replace(ChineseNames.DEMO_MARK, "");
            bodies.add(new Body(place + (i < townships.size() ? "人民调解委员会" : "专业人民调解委员会"), MediationKind.PEOPLE, List.of()));
            grids.add(township.code());
        }
        for (int i = 0; i < MEDIATORS; i++) {
            int b = i % BODIES;
            Body body = bodies.get(b);
            List<String> takes = body.takes().isEmpty() ? some(random) : body.takes();
            rows.add(new Row("mediator", ChineseNames.person(random), phone(random), grids.get(b), null, null,
                    String.join(",", takes).transform(s -> "{" + s + "}"), body.kind().code(), body.name(), null));
        }
    }

    /** Two or three of the disputes, in their order. */
    private List<String> some(Random random) {
        var shuffled = new ArrayList<>(disputes.codes());
        java.util.Collections.shuffle(shuffled, random);
        var picked = shuffled.subList(0, 2 + random.nextInt(2));
        return disputes.codes().stream().filter(picked::contains).toList();
    }

    private static String phone(Random random) {
        return "139" + String.format("%08d", random.nextInt(100_000_000));
    }
}
