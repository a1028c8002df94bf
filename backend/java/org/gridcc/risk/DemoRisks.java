package org.gridcc.risk;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Random;
import org.gridcc.common.CopyIn;
import org.gridcc.common.ServiceClock;
import org.gridcc.grid.GridLevel;
import org.gridcc.grid.NewGrid;
import org.gridcc.grid.demo.ChineseNames;
import org.gridcc.grid.demo.DemoHistory;

/**
 * A demo county's register of risks: Xinji/Yinan's 7 entries of class 一, 17 of class 二 and 9 of class 三,
 * collected over the last 30 days in base grids, each with the four fixes of 包案 and a date still ahead,
 * a third of them reviewed as controlled. Marked demo; the same seed gives the same register for a given today.
 */
@ApplicationScoped
public class DemoRisks implements DemoHistory {

    static final int[] PER_CLASS = {7, 17, 9};
    private static final String[] SUBJECTS = {"征地补偿款分配争议", "企业欠薪群体讨薪隐患", "宅基地边界长期纠纷", "拆迁安置遗留问题",
            "集资款兑付群体诉求", "山林权属争议", "环境污染引发的群众不满", "移民后期扶持诉求"};
    private static final String[] LEADERS = {"县委副书记", "副县长", "县政法委书记", "乡镇党委书记", "乡镇长"};

    @Override
    public String write(Connection c, List<NewGrid> grids, long seed, LocalDate today) throws SQLException {
        var random = new Random(seed ^ 0x7269736bL);
        List<NewGrid> base = grids.stream().filter(g -> g.level() == GridLevel.BASE).toList();
        var townships = new HashMap<String, String>();
        for (NewGrid g : grids) if (g.level() == GridLevel.TOWNSHIP) townships.put(g.code(), g.name());
        var entries = new ArrayList<Object[]>();
        var reviews = new ArrayList<Object[]>();
        long id = 1;
        for (int riskClass = 1; riskClass <= PER_CLASS.length; riskClass++) {
            for (int n = 0; n < PER_CLASS[riskClass - 1]; n++) {
                NewGrid grid = base.get(random.nextInt(base.size()));
                LocalDate collected = today.minusDays(1 + random.nextInt(30));
                String person = ChineseNames.person(random) + ChineseNames.DEMO_MARK;
                boolean controlled = random.nextInt(3) == 0;
                entries.add(new Object[] {id, SUBJECTS[random.nextInt(SUBJECTS.length)] + ChineseNames.DEMO_MARK, grid.code(), riskClass,
                        LEADERS[random.nextInt(LEADERS.length)] + ChineseNames.person(random) + ChineseNames.DEMO_MARK,
                        townships.get(grid.code().substring(0, 9)) + "综治中心", person, today.plusDays(10 + random.nextInt(80)),
                        controlled ? "controlled" : "open", collected, person, true});
                if (controlled) {
                    LocalDate reviewed = collected.plusDays(1).isBefore(today) ? collected.plusDays(1) : collected;
                    reviews.add(new Object[] {id, reviewed.atTime(LocalTime.of(16, 0))
                            .atZone(ServiceClock.CHINA).toOffsetDateTime(), person, "controlled", "已落实稳控措施，每周回访", true});
                }
                id++;
            }
        }
        CopyIn.rows(c, "COPY risk_entry (id, subject, grid_code, class, leader, unit, person, deadline, status, collected_on, collected_by, demo) "
                + "FROM STDIN", entries, e -> e);
        c.createStatement().execute("SELECT setval(pg_get_serial_sequence('risk_entry', 'id'), %d)".formatted(id - 1));
        CopyIn.rows(c, "COPY risk_review (entry_id, at, reviewer, status, note, demo) FROM STDIN", reviews, r -> r);
        return "risk register of %d/%d/%d entries (classes 一/二/三), %d reviewed".formatted(PER_CLASS[0], PER_CLASS[1], PER_CLASS[2],
                reviews.size());
    }
}
