package org.gridcc.access;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The signed-in user as the pages see it: name, role, scope and, for a session, the CSRF token the
 * page sends back in {@code X-CSRF-Token} with every change.
 */
public record Me(String username, String displayName, String role, String grid, String gridName, String unit, String unitName,
                 String csrf) {

    static Uni<Me> load(Pool pool, int userId, String csrf) {
        return pool.preparedQuery("""
                        SELECT u.username, u.display_name, u.role, coalesce(u.grid_code, n.grid_code) AS grid, g.name AS grid_name,
                               n.code AS unit, n.name AS unit_name
                        FROM app_user u LEFT JOIN unit n ON n.id = u.unit_id
                        LEFT JOIN grid g ON g.code = coalesce(u.grid_code, n.grid_code)
                             AND g.version_id = (SELECT id FROM grid_version WHERE status = 'published')
                        WHERE u.id = $1""")
                .execute(Tuple.of(userId))
                .map(rows -> {
                    Row row = rows.iterator().next();
                    return new Me(row.getString("username"), row.getString("display_name"), row.getString("role"), row.getString("grid"),
                            row.getString("grid_name"), row.getString("unit"), row.getString("unit_name"), csrf);
                });
    }
}
