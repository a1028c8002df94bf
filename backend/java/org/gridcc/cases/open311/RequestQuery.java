package org.gridcc.cases.open311;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.gridcc.cases.Categories;

/**
 * The filters of GET requests as the spec reads them: comma lists, w3 datetimes on requested_datetime,
 * a span of at most 90 days. Given one end of the span, the other is 90 days away (the end never
 * later than now); given neither, the last 90 days.
 */
record RequestQuery(List<String> serviceCodes, Boolean closed, Instant start, Instant end) {

    static final Duration MAX_SPAN = Duration.ofDays(90);
    /** The spec's cap on one answer. */
    static final int MAX_REQUESTS = 1000;

    static RequestQuery parse(List<String> serviceCode, List<String> status, String startDate, String endDate, Instant now) {
        List<String> codes = commaList(serviceCode);
        for (String code : codes) {
            if (Categories.residentFacing(code).isEmpty()) {
                throw Open311Exception.badField("service_code", "%s is not a service; services.xml lists them".formatted(code));
            }
        }
        Instant start = startDate == null || startDate.isBlank() ? null : W3Time.parse("start_date", startDate);
        Instant end = endDate == null || endDate.isBlank() ? null : W3Time.parse("end_date", endDate);
        if (end == null) end = start == null ? now : min(start.plus(MAX_SPAN), now);
        if (start == null) start = end.minus(MAX_SPAN);
        if (start.isAfter(end)) throw Open311Exception.badField("start_date", "is after end_date (or after now, when end_date is not given)");
        if (Duration.between(start, end).compareTo(MAX_SPAN) > 0) {
            throw Open311Exception.badField("end_date", "the span from start_date may not exceed 90 days");
        }
        return new RequestQuery(codes, closed(commaList(status)), start, end);
    }

    /** Values of a parameter given several times, comma delimited, or both. */
    static List<String> commaList(List<String> values) {
        return values == null ? List.of()
                : values.stream().flatMap(v -> Arrays.stream(v.split(","))).map(String::strip).filter(v -> !v.isEmpty()).distinct().toList();
    }

    /** true: closed only, false: open only, null: both. */
    private static Boolean closed(List<String> statuses) {
        for (String status : statuses) {
            if (!status.equals("open") && !status.equals("closed")) {
                throw Open311Exception.badField("status", "\"%s\" is not a status: open or closed".formatted(status));
            }
        }
        return statuses.size() == 1 ? statuses.get(0).equals("closed") : null;
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
