package org.gridcc.sla;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.gridcc.common.NodeNotices;
import org.jboss.logging.Logger;

/**
 * Deadlines of cases on the official working-day calendar, which it keeps in memory (a few
 * dozen days a year) and reloads when an admin loads a year.
 */
@ApplicationScoped
public class DeadlineService {

    /** The channel on which a node tells every node that a year of the calendar was loaded. */
    static final String CALENDAR_LOADED = "gridcc_calendar_loaded";
    private static final Logger LOG = Logger.getLogger(DeadlineService.class);

    private final Pool pool;
    private final NodeNotices notices;
    private final Map<String, RuleSet> ruleSets = RuleSets.loadAll();
    private volatile WorkingCalendar calendar = new WorkingCalendar(Map.of());

    public DeadlineService(Pool pool, NodeNotices notices) {
        this.pool = pool;
        this.notices = notices;
    }

    void onStart(@Observes StartupEvent start) {
        reloadCalendar().await().atMost(Duration.ofSeconds(30));
        // A year loaded through another node: deadlines here are counted on it too.
        notices.listen(CALENDAR_LOADED, () -> reloadCalendar().subscribe()
                .with(ok -> {}, e -> LOG.errorf("The calendar was not read again after a node loaded a year: %s", e.getMessage())));
    }

    /**
     * After a year was loaded (committed): this node counts on it at once, and every other node
     * once told, which has happened when this completes.
     */
    Uni<Void> calendarLoaded() {
        return reloadCalendar().chain(() -> notices.tell(CALENDAR_LOADED));
    }

    private Uni<Void> reloadCalendar() {
        return read(pool).invoke(read -> calendar = read).replaceWithVoid();
    }

    /** The calendar as the database (or a transaction) has it now. */
    static Uni<WorkingCalendar> read(SqlClient client) {
        return client.query("SELECT day, kind FROM calendar_day").execute().map(rows -> {
            var days = new HashMap<LocalDate, DayKind>();
            rows.forEach(row -> days.put(row.getLocalDate("day"), DayKind.valueOf(row.getString("kind").toUpperCase())));
            return new WorkingCalendar(days);
        });
    }

    /** The deadlines of a case after its history. */
    public List<Deadline> after(String ruleSet, CaseHistory history) {
        return after(ruleSet, history, calendar);
    }

    /** The same on another calendar (one about to be loaded). */
    public List<Deadline> after(String ruleSet, CaseHistory history, WorkingCalendar calendar) {
        return DeadlineCalculator.deadlines(rules(ruleSet), calendar, history);
    }

    /** Why an extension cannot be granted now; empty when it can. */
    public List<String> refusalsOfExtension(String ruleSet, CaseHistory history, int days, String reason) {
        return DeadlineCalculator.refusalsOfExtension(rules(ruleSet), calendar, history, days, reason);
    }

    /** The calendar deadlines are counted on now. */
    public WorkingCalendar calendar() {
        return calendar;
    }

    public RuleSet rules(String id) {
        RuleSet rules = ruleSets.get(id);
        if (rules == null) throw new IllegalArgumentException("unknown rule set " + id + "; known: " + ruleSets.keySet());
        return rules;
    }
}
