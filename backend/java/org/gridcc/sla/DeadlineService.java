package org.gridcc.sla;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Deadlines of cases on the official working-day calendar, which it keeps in memory (a few
 * dozen days a year) and reloads when an admin loads a year.
 */
@ApplicationScoped
public class DeadlineService {

    private final Pool pool;
    private final Map<String, RuleSet> ruleSets = RuleSets.loadAll();
    private volatile WorkingCalendar calendar = new WorkingCalendar(Map.of());

    public DeadlineService(Pool pool) {
        this.pool = pool;
    }

    void onStart(@Observes StartupEvent start) {
        reloadCalendar().await().atMost(Duration.ofSeconds(30));
    }

    /** Reads the calendar from the database again, after a year was loaded. */
    public Uni<Void> reloadCalendar() {
        return pool.query("SELECT day, kind FROM calendar_day").execute().invoke(rows -> {
            var days = new HashMap<LocalDate, DayKind>();
            rows.forEach(row -> days.put(row.getLocalDate("day"), DayKind.valueOf(row.getString("kind").toUpperCase())));
            calendar = new WorkingCalendar(days);
        }).replaceWithVoid();
    }

    /** The deadlines of a case after the events it has had (and any extension granted). */
    public List<Deadline> after(String ruleSet, CaseEvents events) {
        return DeadlineCalculator.deadlines(rules(ruleSet), calendar, events);
    }

    /** Why an extension cannot be granted; empty when it can. */
    public List<String> refusalsOfExtension(String ruleSet, int extensionsGranted, int days, String reason) {
        return DeadlineCalculator.validateExtension(rules(ruleSet), extensionsGranted, days, reason);
    }

    private RuleSet rules(String id) {
        RuleSet rules = ruleSets.get(id);
        if (rules == null) throw new IllegalArgumentException("unknown rule set " + id + "; known: " + ruleSets.keySet());
        return rules;
    }
}
