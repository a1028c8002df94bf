package org.gridcc.cases.open311;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import org.gridcc.common.ServiceClock;

/** Date-times as the spec wants them: the w3 profile of ISO 8601 with the offset, to the second, in China time. */
final class W3Time {

    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssXXX");

    private W3Time() {}

    static String format(Instant at) {
        return at == null ? null : FORMAT.format(ServiceClock.local(at));
    }

    static Instant parse(String field, String text) {
        // An unescaped + in a query string arrives as a space: 2026-05-01T00:00:00 08:00 was meant as +08:00.
        String meant = text.strip().replace(' ', '+');
        try {
            return OffsetDateTime.parse(meant).toInstant();
        } catch (DateTimeParseException e) {
            throw Open311Exception.badField(field,
                    "\"%s\" is not a w3 datetime with its offset, e.g. 2026-05-01T00:00:00+08:00 or 2026-05-01T00:00:00Z".formatted(text));
        }
    }
}
