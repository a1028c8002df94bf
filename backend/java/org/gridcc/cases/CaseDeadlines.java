package org.gridcc.cases;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
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
        return sla.onReceipt(ruleSet, receivedAt).stream()
                .map(d -> new CaseView.DeadlineView(d.kind().name(), ServiceClock.local(d.due()), ServiceClock.local(d.warnAt())))
                .toList();
    }
}
