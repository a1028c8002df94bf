package org.gridcc.cases;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.gridcc.sla.CaseEvents;
import org.gridcc.sla.Deadline;
import org.gridcc.common.ServiceClock;
import org.gridcc.sla.DeadlineService;

/** The deadlines a case shows, as the sla package computes them. */
@ApplicationScoped
public class CaseDeadlines {

    private final DeadlineService sla;

    public CaseDeadlines(DeadlineService sla) {
        this.sla = sla;
    }

    public List<CaseView.DeadlineView> initial(String ruleSet, Instant receivedAt) {
        return after(ruleSet, List.of(Map.entry("RECEIVED", receivedAt)), 0);
    }

    /** The deadlines after a case's history: (event type, time) pairs in order, and the days of extension granted. */
    public List<CaseView.DeadlineView> after(String ruleSet, List<Map.Entry<String, Instant>> history, int extensionDays) {
        CaseEvents events = CaseEvents.none().extendedBy(extensionDays);
        for (var entry : history) {
            var event = CaseAction.deadlineEventOf(entry.getKey());
            if (event.isPresent()) events = events.with(event.get(), entry.getValue());
        }
        return views(sla.after(ruleSet, events));
    }

    public List<String> refusalsOfExtension(String ruleSet, boolean extendedBefore, int days, String reason) {
        return sla.refusalsOfExtension(ruleSet, extendedBefore ? 1 : 0, days, reason);
    }

    private static List<CaseView.DeadlineView> views(List<Deadline> deadlines) {
        return deadlines.stream()
                .map(d -> new CaseView.DeadlineView(d.kind().name(), ServiceClock.local(d.due()), ServiceClock.local(d.warnAt()),
                        ServiceClock.local(d.metAt())))
                .toList();
    }
}
