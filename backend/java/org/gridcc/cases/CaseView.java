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
        NewCase.Reporter reporter,
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

    public record LinkView(String code, String reason, String decision) {}


    public record CategoryRef(String code, String name) {}

    public record UnitRef(String code, String name, String level) {}

    /** A deadline; {@code metAt} is when the event that meets it happened, null while it runs. */
    public record DeadlineView(String kind, OffsetDateTime due, OffsetDateTime warnAt, OffsetDateTime metAt) {}

    public record EventView(String type, String actor, OffsetDateTime at, JsonNode payload) {}
}
