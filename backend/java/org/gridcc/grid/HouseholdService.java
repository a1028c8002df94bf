package org.gridcc.grid;

import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Comparator;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKBWriter;

/** Households (户) as points: counted in areas that officers draw. No personal data is kept here. */
@ApplicationScoped
public class HouseholdService {

    private final Pool pool;
    private final GridIndex index;

    public HouseholdService(Pool pool, GridIndex index) {
        this.pool = pool;
        this.index = index;
    }

    public Uni<HouseholdCount> countIn(Geometry area) {
        return pool.preparedQuery("""
                        SELECT grid_code, count(*) AS households FROM household
                         WHERE ST_Intersects(point, ST_GeomFromWKB($1, 4326)) GROUP BY grid_code""")
                .execute(Tuple.of(Buffer.buffer(new WKBWriter().write(area))))
                .map(rows -> {
                    var grids = new ArrayList<HouseholdCount.PerGrid>();
                    long total = 0;
                    for (var row : rows) {
                        String code = row.getString("grid_code");
                        long count = row.getLong("households");
                        total += count;
                        grids.add(index.grid(code)
                                .map(g -> new HouseholdCount.PerGrid(code, g.level(), g.name(), villageOf(code), count))
                                .orElse(new HouseholdCount.PerGrid(code, null, null, null, count)));
                    }
                    grids.sort(Comparator.comparingLong(HouseholdCount.PerGrid::households).reversed()
                            .thenComparing(HouseholdCount.PerGrid::code, Comparator.nullsLast(Comparator.naturalOrder())));
                    return new HouseholdCount(total, index.version(), grids);
                });
    }

    private String villageOf(String code) {
        return index.chainOf(code).flatMap(chain -> chain.stream().filter(g -> g.level() == GridLevel.VILLAGE).findFirst())
                .map(GridRef::name).orElse(null);
    }
}
