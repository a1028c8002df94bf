package org.gridcc.cases;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.util.List;
import org.gridcc.grid.GridRef;

/** A case as the API shows it, with its whole history (全程留痕). */
public record CaseView(
        String code,
        String status,
        Channel channel,
        CategoryRef category,
        Risk risk,
        String title,
        String description,
        /** Masked unless asked for by a role that may (张*, 138****1234); null when withheld or not given. */
        NewCase.Reporter reporter,
        /** masked, unmasked, or withheld (a confidential case, 检举控告, seen by one who does not handle it). */
        String reporterAccess,
        NewCase.Location location,
        List<GridRef> grids,
        UnitRef unit,
        String ruleSet,
        List<DeadlineView> deadlines,
        boolean supervised,
        OffsetDateTime receivedAt,
        int version,
        /** Open cases that look like the same matter, for the centre to merge or keep apart. */
        List<LinkView> possibleDuplicates,
        /** How many earlier cases the same reporter raised (重复信访 when it is a petition). */
        long earlierFromReporter,
        List<EventView> history) {

    /** The same case with the reporter as the caller may see it. */
    public CaseView withReporter(NewCase.Reporter shown, String access) {
        return new CaseView(code, status, channel, category, risk, title, description, shown, access, location, grids, unit, ruleSet,
                deadlines, supervised, receivedAt, version, possibleDuplicates, earlierFromReporter, history);
    }

    /** The deepest grid of the case (its place), or null when it has none. */
    public String grid() {
        return grids.isEmpty() ? null : grids.get(grids.size() - 1).code();
    }

    public record LinkView(String code, String reason, String decision) {}


    public record CategoryRef(String code, String name) {}

    public record UnitRef(String code, String name, String level) {}

    /** A deadline; {@code metAt} is when the event that meets it happened, null while it runs. */
    public record DeadlineView(String kind, OffsetDateTime due, OffsetDateTime warnAt, OffsetDateTime metAt) {}

    public record EventView(String type, String actor, OffsetDateTime at, JsonNode payload) {}
}
