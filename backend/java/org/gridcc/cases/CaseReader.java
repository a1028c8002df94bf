package org.gridcc.cases;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.gridcc.cases.media.StoredPhotos;
import org.gridcc.common.ProblemException;
import org.gridcc.common.ServiceClock;
import org.gridcc.grid.GridIndex;
import org.gridcc.grid.GridLevel;
import org.gridcc.grid.GridRef;
import org.gridcc.people.People;
import org.gridcc.people.PersonView;
import org.gridcc.sla.DeadlineService;

/** Reads a case with its whole history. */
@ApplicationScoped
public class CaseReader {

    private final Pool pool;
    private final GridIndex index;
    private final ObjectMapper json;
    private final CaseRecord record;
    private final DeadlineService sla;
    private final StoredPhotos photos;
    private final People people;

    public CaseReader(Pool pool, GridIndex index, ObjectMapper json, CaseRecord record, DeadlineService sla, StoredPhotos photos,
                      People people) {
        this.people = people;
        this.pool = pool;
        this.index = index;
        this.json = json;
        this.record = record;
        this.sla = sla;
        this.photos = photos;
    }

    /** The case of a code as printed; a mistyped code is told apart from an unknown one. */
    public Uni<CaseView> byTypedCode(String typed) {
        return view(CaseCode.parse(typed).text());
    }

    public Uni<CaseView> view(String code) {
        return pool.preparedQuery("""
                        SELECT c.*, ST_X(c.point) AS lon, ST_Y(c.point) AS lat, u.code AS unit_code, u.name AS unit_name, u.level AS unit_level,
                               l.discipline
                          FROM "case" c JOIN case_live l ON l.id = c.id LEFT JOIN unit u ON u.id = c.unit_id WHERE c.code = $1""")
                .execute(Tuple.of(code))
                .chain(rows -> {
                    if (rows.size() == 0) throw ProblemException.notFound("No case has code %s.".formatted(code));
                    Row row = rows.iterator().next();
                    long id = row.getLong("id");
                    Uni<List<CaseView.EventView>> history = pool.preparedQuery(
                                    "SELECT type, actor, at, payload FROM case_event WHERE case_id = $1 ORDER BY id")
                            .execute(Tuple.of(id))
                            .map(events -> StreamSupport.stream(events.spliterator(), false)
                                    .map(e -> new CaseView.EventView(e.getString("type"), e.getString("actor"),
                                            ServiceClock.local(e.getOffsetDateTime("at")), node(e.getJsonObject("payload").encode())))
                                    .toList());
                    Uni<List<CaseView.LinkView>> links = pool.preparedQuery("""
                                    SELECT o.code, l.reason, l.decision FROM case_link l
                                      JOIN "case" o ON o.id = CASE WHEN l.case_id = $1 THEN l.other_id ELSE l.case_id END
                                     WHERE l.case_id = $1 OR l.other_id = $1 ORDER BY o.code""")
                            .execute(Tuple.of(id))
                            .map(set -> StreamSupport.stream(set.spliterator(), false)
                                    .map(l -> new CaseView.LinkView(l.getString("code"), l.getString("reason"), l.getString("decision")))
                                    .toList());
                    Uni<Long> earlier = pool.preparedQuery("""
                                    SELECT count(*) FROM "case" o WHERE $2::text IS NOT NULL AND o.reporter_phone = $2 AND o.id < $1""")
                            .execute(Tuple.of(id, row.getString("reporter_phone")))
                            .map(set -> set.iterator().next().getLong(0));
                    Uni<Map<String, String>> unitNames = pool.preparedQuery("""
                                    SELECT u.code, u.name FROM unit u
                                     WHERE u.code IN (SELECT e.payload ->> 'unit' FROM case_event e WHERE e.case_id = $1)""")
                            .execute(Tuple.of(id))
                            .map(set -> StreamSupport.stream(set.spliterator(), false)
                                    .collect(Collectors.toMap(u -> u.getString("code"), u -> u.getString("name"))));
                    Uni<List<CaseView.DeadlineView>> deadlines = record.deadlines(pool, id);
                    Uni<List<CaseView.MediaView>> media = photos.of(id).map(list -> list.stream()
                            .map(p -> CaseView.MediaView.of(code, p.n(), p.contentType(), p.size(), ServiceClock.local(p.at()))).toList());
                    String village = row.getString("village_code");
                    Uni<Optional<PersonView>> head = village == null ? Uni.createFrom().item(Optional.empty()) : people.headOf(village);
                    return Uni.combine().all().unis(history, links, earlier, deadlines, media, head, unitNames).asTuple()
                            .map(t -> toView(row, t.getItem2(), t.getItem3(), t.getItem4(), t.getItem5(), t.getItem6().orElse(null),
                                    t.getItem1(), t.getItem7()));
                });
    }

    /** The head of the village in a case's grid chain (grid 网格长 as the county calls it), or null. */
    Uni<PersonView> gridHead(List<GridRef> chain) {
        return chain.stream().filter(g -> g.level() == GridLevel.VILLAGE).findFirst()
                .map(village -> people.headOf(village.code()).map(head -> head.orElse(null)))
                .orElse(Uni.createFrom().nullItem());
    }

    private CaseView toView(Row row, List<CaseView.LinkView> links, long earlierFromReporter, List<CaseView.DeadlineView> deadlines,
                            List<CaseView.MediaView> media, PersonView gridHead, List<CaseView.EventView> history,
                            Map<String, String> unitNames) {
        Category category = Categories.of(row.getString("category")).orElseThrow();
        String name = row.getString("reporter_name"), phone = row.getString("reporter_phone");
        Double lon = row.getDouble("lon");
        CaseStatus status = CaseStatus.ofCode(row.getString("status"));
        String ruleSet = row.getString("rule_set");
        return new CaseView(row.getString("code"), status, Channel.valueOf(row.getString("channel").toUpperCase()),
                new CaseView.CategoryRef(category.code(), category.name()), Risk.valueOf(row.getString("risk").toUpperCase()),
                row.getString("title"), row.getString("description"),
                name == null && phone == null ? null : new NewCase.Reporter(name, phone), "unmasked",
                lon == null ? null : new NewCase.Location(lon, row.getDouble("lat")),
                grids(row),
                row.getString("unit_code") == null ? null
                        : new CaseView.UnitRef(row.getString("unit_code"), row.getString("unit_name"), row.getString("unit_level")),
                gridHead, ruleSet, deadlines, row.getBoolean("supervised"),
                row.getJsonObject("leader") == null ? null : node(row.getJsonObject("leader").encode()), row.getBoolean("discipline"),
                ServiceClock.local(row.getOffsetDateTime("received_at")), row.getInteger("version"), links, earlierFromReporter, media,
                CaseAction.allowedIn(status, sla.rules(ruleSet), CaseView.openKinds(deadlines)), history, unitNames);
    }

    private List<GridRef> grids(Row row) {
        String finest = null;
        for (String column : List.of("county_code", "township_code", "village_code", "group_code", "base_code")) {
            if (row.getString(column) != null) finest = row.getString(column);
        }
        return finest == null ? List.of() : index.chainOf(finest).orElse(List.of());
    }

    private JsonNode node(String text) {
        try {
            return json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
