package org.gridcc.access;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.gridcc.common.CopyIn;

/**
 * Demo workers (grid workers and patrol inspectors of a generated county) as users of role worker,
 * written in bulk. They have no password, so nobody signs in as them until an admin gives one.
 */
public final class DemoWorkers {

    public record DemoWorker(String username, String displayName, String grid) {}

    private DemoWorkers() {}

    /** Writes them in the caller's transaction; their user ids, in order. */
    public static List<Integer> copy(Connection c, List<DemoWorker> workers) throws SQLException {
        CopyIn.rows(c, "COPY app_user (username, display_name, role, grid_code) FROM STDIN", workers,
                w -> new Object[] {w.username(), w.displayName(), Role.WORKER.code(), w.grid()});
        var ids = new ArrayList<Integer>();
        try (var query = c.prepareStatement("SELECT id FROM app_user WHERE username = ?")) {
            for (DemoWorker w : workers) {
                query.setString(1, w.username());
                try (var rs = query.executeQuery()) {
                    rs.next();
                    ids.add(rs.getInt(1));
                }
            }
        }
        return ids;
    }
}
