package org.gridcc.cases;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;
import org.gridcc.grid.GridLevel;
import org.gridcc.grid.GridRef;
import org.gridcc.grid.GridChain;
import org.gridcc.sla.Deadline;

/**
 * A case with the whole of its history, as intake, the actions and the deadline sweeper would have
 * left it: written at once by {@link CaseRecord#copySeeded} (the demo county's month, {@link DemoCases}).
 * {@code version} counts the actions that changed the row, as {@link CaseRecord} does.
 */
record SeededCase(long id, String code, Channel channel, Category category, Risk risk, String title, String description,
                  String reporterName, String reporterPhone, double lon, double lat, int gridVersion, List<GridRef> chain,
                  CaseStatus status, Integer unitId, String ruleSet, boolean supervised, JsonObject leader, Instant receivedAt,
                  int version, Instant updatedAt, List<CaseRecord.NewEvent> events, List<Deadline> deadlines,
                  List<Alert> alerts, List<Link> links) {

    /** A warning, overdue notice, reminder or referral the sweeper recorded (table deadline_alert). */
    record Alert(String kind, String level, Instant due, int n, Instant at) {}

    /** A possible duplicate found at intake: the earlier case and why. */
    record Link(long otherId, String reason) {}

    String grid(GridLevel level) {
        return GridChain.codeAt(chain, level);
    }
}
