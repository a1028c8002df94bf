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

/** Reads cases as Open311 service requests, for GET requests: never the reporter's personal data, the text only for its client. */
@ApplicationScoped
class Open311Requests {

    /** The states in which a case is resolved, for Open311's closed. */
    private static final List<String> CLOSED = Arrays.stream(CaseStatus.values()).filter(Open311Status::closed).map(CaseStatus::code).toList();

    /** When the case is expected to be done: the completion deadline of its latest round. */
    private static final String EXPECTED = """
            (SELECT d.due FROM case_deadline d WHERE d.case_id = c.id AND d.kind IN (%s)
              ORDER BY d.round DESC, d.position LIMIT 1) AS expected""".formatted(ServiceNotice.COMPLETION_KINDS.stream().sorted()
            .map(kind -> "'" + kind + "'").collect(Collectors.joining(", ")));

    /**
     * The listed cases with what a request shows; $1 holds the categories never listed, $2 the
     * reading client (null: a public read). A case located by a grid code alone is placed at the
     * grid's representative point (inside the grid whatever its shape), as importers skip requests
     * without a place.
     */
    private static final String SELECT = """
            SELECT c.code, c.status, c.category, c.description, c.received_at, c.updated_at, %s,
                   ST_X(p.place) AS lon, ST_Y(p.place) AS lat, u.name AS unit_name, f.finest_grid, %s AS own
              FROM "case" c LEFT JOIN unit u ON u.id = c.unit_id
             CROSS JOIN LATERAL (SELECT coalesce(c.base_code, c.group_code, c.village_code, c.township_code, c.county_code)
                                        AS finest_grid) f
              LEFT JOIN grid g ON c.point IS NULL AND g.version_id = c.grid_version AND g.code = f.finest_grid
             CROSS JOIN LATERAL (SELECT coalesce(c.point, ST_PointOnSurface(g.geom)) AS place) p
             WHERE %s
            """.formatted(EXPECTED, ListedCases.postedBy(2), ListedCases.condition(1));

    private final Pool pool;
    private final GridIndex index;

    Open311Requests(Pool pool, GridIndex index) {
        this.pool = pool;
        this.index = index;
    }

    /** The requests of these ids (case codes as printed) as this client (null: anyone) sees them; unknown and unlisted ones are left out. */
    Uni<List<ServiceRequest>> byIds(List<String> codes, String client) {
        return pool.preparedQuery(SELECT + " AND c.code = ANY($3) ORDER BY c.received_at DESC, c.id DESC")
                .execute(Tuple.of(ListedCases.HIDDEN_CATEGORIES, client, codes.toArray(String[]::new)))
                .map(rows -> StreamSupport.stream(rows.spliterator(), false).map(this::toRequest).toList());
    }

    /** The most recent requests that pass the filters, at most the spec's 1,000, as this client (null: anyone) sees them. */
    Uni<List<ServiceRequest>> find(RequestQuery query, String client) {
        return pool.preparedQuery(SELECT + """
                           AND c.received_at >= $3 AND c.received_at <= $4
                           AND (cardinality($5::text[]) = 0 OR c.category = ANY($5))
                           AND ($6::boolean IS NULL OR (c.status = ANY($7)) = $6)
                         ORDER BY c.received_at DESC, c.id DESC LIMIT $8""")
                .execute(Tuple.from(Arrays.asList(ListedCases.HIDDEN_CATEGORIES, client,
                        query.span().start().atOffset(ZoneOffset.UTC), query.span().end().atOffset(ZoneOffset.UTC),
                        query.serviceCodes().toArray(String[]::new), query.closed(), CLOSED.toArray(String[]::new),
                        RequestQuery.MAX_REQUESTS)))
                .map(rows -> StreamSupport.stream(rows.spliterator(), false).map(this::toRequest).toList());
    }

    private ServiceRequest toRequest(Row row) {
        Category service = Categories.of(row.getString("category")).orElseThrow();
        String unit = row.getString("unit_name");
        Instant expected = row.getOffsetDateTime("expected") == null ? null : row.getOffsetDateTime("expected").toInstant();
        String finest = row.getString("finest_grid");
        CaseStatus status = CaseStatus.ofCode(row.getString("status"));
        return new ServiceRequest(row.getString("code"), Open311Status.of(status), Open311Status.note(status), service.name(), service.code(),
                row.getBoolean("own") ? row.getString("description") : null, unit, ServiceNotice.of(unit, expected),
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
