package org.gridcc.sla;

import java.time.Duration;

/**
 * How long before its due time a deadline is warned (临期预警): either a fraction of the time from
 * its start to its due time ({@code {"fraction": 0.25}} warns in the last quarter), or a fixed period
 * ({@code {"before": "PT8H"}}, ISO-8601).
 */
public record WarningLead(Double fraction, Duration before) {

    public WarningLead {
        if ((fraction == null) == (before == null)) {
            throw new IllegalArgumentException("a warning gives either a fraction or a period before the due time, not both or neither");
        }
        if (fraction != null && !(fraction > 0 && fraction < 1)) {
            throw new IllegalArgumentException("a warning fraction lies between 0 and 1 (0.25 warns in the last quarter), not " + fraction);
        }
        if (before != null && (before.isZero() || before.isNegative())) {
            throw new IllegalArgumentException("a warning period must be positive, not " + before);
        }
    }
}
