package org.gridcc.cases.open311;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.gridcc.cases.Categories;
import org.gridcc.cases.Category;
import org.gridcc.cases.CaseStatus;
import org.gridcc.grid.GridIndex;
import org.gridcc.grid.GridRef;

/** Reads cases as Open311 service requests, for GET requests: never the reporter's personal data. */
@ApplicationScoped
class Open311Requests {

    /** The states in which a case is resolved, for Open311's closed: handled to the end, or closed (not taken on, archived). */
    static final List<String> CLOSED = Arrays.stream(CaseStatus.values())
            .filter(s -> s.phase() == CaseStatus.Phase.HANDLED || s.phase() == CaseStatus.Phase.CLOSED).map(CaseStatus::code).toList();

    /** When the case is expected to be done: the completion deadline of its latest round. */
    private static final String EXPECTED = """
            (SELECT d.due FROM case_deadline d WHERE d.case_id = c.id AND d.kind IN (%s)
              ORDER BY d.round DESC, d.position LIMIT 1) AS expected""".formatted(ServiceNotice.COMPLETION_KINDS.stream().sorted()
            .map(kind -> "'" + kind + "'").collect(Collectors.joining(", ")));

    private static final String SELECT = """
            SELECT c.code, c.status, c.category, c.description, c.received_at, c.updated_at, %s,
                   ST_X(c.point) AS lon, ST_Y(c.point) AS lat, u.name AS unit_name,
                   coalesce(c.base_code, c.group_code, c.village_code, c.township_code, c.county_code) AS finest_grid
              FROM "case" c LEFT JOIN unit u ON u.id = c.unit_id
            """.formatted(EXPECTED);

    private final Pool pool;
    private final GridIndex index;

    Open311Requests(Pool pool, GridIndex index) {
        this.pool = pool;
        this.index = index;
    }

    /** The requests of these ids (case codes as printed); unknown ones are left out. */
    Uni<List<ServiceRequest>> byIds(List<String> codes) {
        return pool.preparedQuery(SELECT + " WHERE c.code = ANY($1) AND NOT c.category = ANY($2) ORDER BY c.received_at DESC, c.id DESC")
                .execute(Tuple.of(codes.toArray(String[]::new), Categories.confidentialCodes()))
                .map(rows -> StreamSupport.stream(rows.spliterator(), false).map(this::toRequest).toList());
    }

    /** The most recent requests that pass the filters, at most the spec's 1,000. */
    Uni<List<ServiceRequest>> find(RequestQuery query) {
        return pool.preparedQuery(SELECT + """
                         WHERE c.received_at >= $1 AND c.received_at <= $2
                           AND (cardinality($3::text[]) = 0 OR c.category = ANY($3))
                           AND ($4::boolean IS NULL OR (c.status = ANY($5)) = $4)
                           AND NOT c.category = ANY($7)
                         ORDER BY c.received_at DESC, c.id DESC LIMIT $6""")
                .execute(Tuple.from(Arrays.asList(query.start().atOffset(ZoneOffset.UTC), query.end().atOffset(ZoneOffset.UTC),
                        query.serviceCodes().toArray(String[]::new), query.closed(), CLOSED.toArray(String[]::new),
                        RequestQuery.MAX_REQUESTS, Categories.confidentialCodes())))
                .map(rows -> StreamSupport.stream(rows.spliterator(), false).map(this::toRequest).toList());
    }

    private ServiceRequest toRequest(Row row) {
        Category service = Categories.of(row.getString("category")).orElseThrow();
        String state = row.getString("status");
        String unit = row.getString("unit_name");
        Instant expected = row.getOffsetDateTime("expected") == null ? null : row.getOffsetDateTime("expected").toInstant();
        String finest = row.getString("finest_grid");
        return new ServiceRequest(row.getString("code"), CLOSED.contains(state) ? "closed" : "open",
                CaseStatus.ofCode(state).label() + "（" + state + "）", service.name(), service.code(),
                row.getString("description"), unit, ServiceNotice.of(unit, expected),
                W3Time.format(row.getOffsetDateTime("received_at").toInstant()), W3Time.format(row.getOffsetDateTime("updated_at").toInstant()),
                W3Time.format(expected), address(finest), finest, null, row.getDouble("lat"), row.getDouble("lon"),
                CaseText.mediaUrl(row.getString("description")));
    }

    /** The grids' names from the finest to the county, as the spec orders an address. */
    private String address(String finestGrid) {
        if (finestGrid == null) return null;
        var names = new ArrayList<>(index.chainOf(finestGrid).orElse(List.of()).stream().map(GridRef::name).toList());
        Collections.reverse(names);
        return names.isEmpty() ? null : String.join(", ", names);
    }
}
