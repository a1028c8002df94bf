package org.gridcc.live;

import io.vertx.mutiny.sqlclient.Row;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.gridcc.cases.CasePlace;
import org.gridcc.cases.CaseStatus;

/**
 * A case as the live view counts it (the database view {@code case_live}, the one definition of
 * open, warned and overdue): the grids it is counted in, coarsest first (a confidential case: its
 * county only, see {@link CasePlace}), whether it is open, whether an
 * open deadline of it has been warned of or has passed (as the deadline sweeper recorded), and
 * whether it is under the county 纪委's supervision.
 */
public record LiveCase(long id, String code, String status, String category, boolean supervised, Instant receivedAt,
                       List<String> grids, boolean warned, boolean overdue, boolean discipline) {

    public boolean open() {
        return CaseStatus.ofCode(status).isOpen();
    }

    private static final List<String> GRID_COLUMNS = List.of("county_code", "township_code", "village_code", "group_code", "base_code");

    /** The finest grid the case is known in. */
    public String grid() {
        return grids.isEmpty() ? null : grids.get(grids.size() - 1);
    }

    /** The village the case is in, or null when it is known only to a township. */
    public String village() {
        return grids.size() > 2 ? grids.get(2) : null;
    }

    static LiveCase of(Row row) {
        var grids = new ArrayList<String>(5);
        for (String column : GRID_COLUMNS) {
            if (row.getString(column) != null) grids.add(row.getString(column));
        }
        String category = row.getString("category");
        return new LiveCase(row.getLong("id"), row.getString("code"), row.getString("status"),
                category, row.getBoolean("supervised"), row.getOffsetDateTime("received_at").toInstant(),
                List.copyOf(CasePlace.shown(category, grids)), row.getBoolean("warned"), row.getBoolean("overdue"), row.getBoolean("discipline"));
    }
}
