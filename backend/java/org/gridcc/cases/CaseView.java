package org.gridcc.cases;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.util.List;
import org.gridcc.grid.GridRef;

/** A case as the API shows it, with its whole history (全程留痕). */
public record CaseView(
        String code,
        CaseStatus status,
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
        /** The head of the village (or community) the case lies in, with the county's title for it, phone masked; null when none. */
        org.gridcc.people.PersonView gridHead,
        String ruleSet,
        /** Every deadline of every round of handling, met or not. */
        List<DeadlineView> deadlines,
        boolean supervised,
        /** Who holds the case under 领导包案 (the four fixes), or null. */
        JsonNode leader,
        /** Under the county 纪委's supervision after reminders of an overdue deadline went unheeded. */
        boolean discipline,
        OffsetDateTime receivedAt,
        int version,
        /** Open cases that look like the same matter, for the centre to merge or keep apart. */
        List<LinkView> possibleDuplicates,
        /** How many earlier cases the same reporter raised (重复信访 when it is a petition). */
        long earlierFromReporter,
        /** The photos sent with the case, in order. */
        List<MediaView> media,
        /** The actions the case allows now (by their path names). */
        List<String> allowedActions,
        List<EventView> history,
        /** The names of the units the history names by code (payload {@code unit}), for pages to show names, not codes. */
        java.util.Map<String, String> unitNames) {

    /** The same case with the reporter as the caller may see it. */
    public CaseView withReporter(NewCase.Reporter shown, String access) {
        return new CaseView(code, status, channel, category, risk, title, description, shown, access, location, grids, unit, gridHead,
                ruleSet, deadlines, supervised, leader, discipline, receivedAt, version, possibleDuplicates, earlierFromReporter, media,
                allowedActions, history, unitNames);
    }

    /** The same case with the head of its village. */
    CaseView withGridHead(org.gridcc.people.PersonView head) {
        return new CaseView(code, status, channel, category, risk, title, description, reporter, reporterAccess, location, grids, unit,
                head, ruleSet, deadlines, supervised, leader, discipline, receivedAt, version, possibleDuplicates, earlierFromReporter,
                media, allowedActions, history, unitNames);
    }

    /** The same case with its photos listed but not linked: withheld from the caller with the reporter. */
    CaseView withPhotosWithheld() {
        return new CaseView(code, status, channel, category, risk, title, description, reporter, reporterAccess, location, grids, unit,
                gridHead, ruleSet, deadlines, supervised, leader, discipline, receivedAt, version, possibleDuplicates, earlierFromReporter,
                media.stream().map(m -> new MediaView(m.n(), m.contentType(), m.size(), m.at(), null)).toList(), allowedActions, history,
                unitNames);
    }

    /** The kinds of the deadlines not met yet. */
    static java.util.Set<org.gridcc.sla.DeadlineKind> openKinds(List<DeadlineView> deadlines) {
        return deadlines.stream().filter(d -> d.metAt() == null).map(d -> org.gridcc.sla.DeadlineKind.valueOf(d.kind()))
                .collect(java.util.stream.Collectors.toSet());
    }

    /** The deepest grid of the case (its place), or null when it has none. */
    public String grid() {
        return grids.isEmpty() ? null : grids.get(grids.size() - 1).code();
    }

    public record LinkView(String code, String reason, String decision) {}


    public record CategoryRef(String code, String name) {}

    public record UnitRef(String code, String name, String level) {}

    /**
     * A deadline of a round of handling (0, then one more after each reopening); {@code metAt} is when
     * the first event that meets it happened, null while it runs; {@code state} is met, met_late,
     * overdue or warned (once the sweeper recorded it, as the list and the wall see it) or open;
     * {@code provisional} when it was counted over a year whose official calendar is not loaded yet.
     */
    public record DeadlineView(String kind, int round, OffsetDateTime due, OffsetDateTime warnAt, OffsetDateTime metAt,
                               String state, boolean provisional) {}

    /**
     * A photo of the case: its number, type (as its bytes tell), size in bytes, when it was stored,
     * and where to fetch it ({@code GET /api/cases/{code}/media/{n}}; null when withheld).
     */
    public record MediaView(int n, String contentType, int size, OffsetDateTime at, String url) {
        static MediaView of(String code, int n, String contentType, int size, OffsetDateTime at) {
            return new MediaView(n, contentType, size, at, "/api/cases/%s/media/%d".formatted(code, n));
        }
    }

    public record EventView(String type, String actor, OffsetDateTime at, JsonNode payload) {}
}
