package org.gridcc.cases;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import org.gridcc.grid.GridLevel;
import org.gridcc.grid.NewGrid;
import org.gridcc.grid.demo.DemoBodies;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The responsible bodies of a demo county: a committee for each village or community, an office
 * for each township or street, and the county's departments, one per case category.
 */
@ApplicationScoped
public class DemoUnits implements DemoBodies {

    private static final String DEMO_MARK = "（演示）";

    /** Writes the units for the grids of a demo county, in the caller's transaction. */
    @Override
    public int write(Connection connection, List<NewGrid> grids) throws SQLException {
        int written = 0;
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO unit (code, name, level, grid_code, category) VALUES (?, ?, ?, ?, ?)")) {
            for (NewGrid grid : grids) {
                if (grid.level() == GridLevel.COUNTY) {
                    for (Category category : Categories.all()) {
                        add(insert, grid.code() + "-" + category.code(), grid.name() + category.department(), UnitLevel.COUNTY,
                                grid.code(), category.code());
                        written++;
                    }
                } else if (grid.level() == GridLevel.TOWNSHIP || grid.level() == GridLevel.VILLAGE) {
                    UnitLevel level = grid.level() == GridLevel.TOWNSHIP ? UnitLevel.TOWNSHIP : UnitLevel.VILLAGE;
                    add(insert, grid.code(), bodyOf(grid.name()), level, grid.code(), null);
                    written++;
                }
            }
            insert.executeBatch();
        }
        return written;
    }

    /** 柏箐镇（演示） -> 柏箐镇人民政府（演示）; 杨水社区（演示） -> 杨水社区居民委员会（演示）. */
    static String bodyOf(String gridName) {
        String place = gridName.replace(DEMO_MARK, "");
        String body = place.endsWith("街道") ? "办事处"
                : place.endsWith("镇") || place.endsWith("乡") ? "人民政府"
                : place.endsWith("社区") ? "居民委员会"
                : "村民委员会";
        return place + body + (gridName.endsWith(DEMO_MARK) ? DEMO_MARK : "");
    }

    private static void add(PreparedStatement insert, String code, String name, UnitLevel level, String gridCode, String category)
            throws SQLException {
        insert.setString(1, code);
        insert.setString(2, name);
        insert.setString(3, level.code());
        insert.setString(4, gridCode);
        insert.setString(5, category);
        insert.addBatch();
    }
}
