package org.gridcc.cases.open311;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.gridcc.cases.Categories;

/**
 * The filters of GET requests as the spec reads them: comma lists, and a span of requested_datetime
 * of at most 90 days (by default the last 90 days).
 */
record RequestQuery(List<String> serviceCodes, Boolean closed, DateSpan span) {

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
        return new RequestQuery(codes, closed(commaList(status)), DateSpan.parse(startDate, endDate, now, MAX_SPAN));
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
}
