package org.gridcc.cases;

import io.vertx.core.json.JsonArray;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The possible duplicates intake would have linked to a demo case (case-intake.sql): open earlier cases near in place
 * and time, or of the same reporter. Looked up by phone and within the category's window rather than over the whole
 * month: a city's month (./bench scale) would take hours.
 */
final class DemoDuplicates {

    private static final double EARTH_METRES = 6_371_008.8;

    private DemoDuplicates() {}

    /**
     * The links of case {@code index} to the cases before it ({@code byPhone}: the earlier cases' indexes by reporter
     * phone); also puts their codes in its RECEIVED event, as intake does.
     */
    static List<SeededCase.Link> of(List<SeededCase> intakes, List<CasePlaythrough> playthroughs, int index,
                                    Map<String, List<Integer>> byPhone) {
        SeededCase n = intakes.get(index);
        Category category = n.category();
        record Found(SeededCase other, String reason) {}
        var found = new HashMap<Long, Found>();
        Instant windowStart = n.receivedAt().minus(Duration.ofHours(category.duplicateWindowHours()));
        for (int i = index - 1; i >= 0 && intakes.get(i).receivedAt().isAfter(windowStart); i--) {
            SeededCase o = intakes.get(i);
            if (o.category() == category && openAt(playthroughs.get(i), n.receivedAt()) && metres(o, n) <= category.duplicateRadiusMetres()) {
                found.put(o.id(), new Found(o, "nearby"));
            }
        }
        // The same reporter comes first when a case is both.
        Instant reporterStart = n.receivedAt().minus(Duration.ofDays(CaseIntake.SAME_REPORTER_DAYS));
        for (int i : n.reporterPhone() == null ? List.<Integer>of() : byPhone.getOrDefault(n.reporterPhone(), List.of())) {
            SeededCase o = intakes.get(i);
            if (o.receivedAt().isAfter(reporterStart) && openAt(playthroughs.get(i), n.receivedAt())) {
                found.put(o.id(), new Found(o, "same_reporter"));
            }
        }
        List<Found> nearest = found.values().stream()
                .sorted(Comparator.comparing((Found f) -> Duration.between(f.other().receivedAt(), n.receivedAt()).abs()))
                .limit(CaseIntake.MAX_LINKS).toList();
        var codes = new JsonArray();
        nearest.stream().map(f -> f.other().code()).sorted().forEach(codes::add);
        playthroughs.get(index).events().get(0).payload().put("possibleDuplicates", codes);
        return nearest.stream().map(f -> new SeededCase.Link(f.other().id(), f.reason())).toList();
    }

    /** Whether the case was open at that instant, by the states its history reached (CaseAction.statesReached). */
    private static boolean openAt(CasePlaythrough p, Instant at) {
        var reached = CaseAction.statesReached();
        CaseStatus status = CaseStatus.RECEIVED;
        for (CaseRecord.NewEvent e : p.events()) {
            if (!e.at().isBefore(at)) break;
            status = reached.getOrDefault(e.type(), status);
        }
        return status.isOpen();
    }

    private static double metres(SeededCase a, SeededCase b) {
        double f1 = Math.toRadians(a.lat()), f2 = Math.toRadians(b.lat());
        double df = f2 - f1, dl = Math.toRadians(b.lon() - a.lon());
        double h = Math.sin(df / 2) * Math.sin(df / 2) + Math.cos(f1) * Math.cos(f2) * Math.sin(dl / 2) * Math.sin(dl / 2);
        return 2 * EARTH_METRES * Math.asin(Math.sqrt(h));
    }
}
