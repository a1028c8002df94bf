package org.gridcc.sla;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.Month;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.gridcc.common.ServiceClock;
import org.jboss.logging.Logger;

/**
 * Warns when deadlines are about to be counted on a year whose official calendar is not loaded:
 * this year's at any time, next year's from 1 November (the State Council publishes it in the
 * autumn). Deadlines still run on the ordinary week and are marked provisional, so the service
 * stays ready; the warning is in the check's data and in the log, once a day.
 */
@Readiness
@ApplicationScoped
public class CalendarReadiness implements HealthCheck {

    private static final Logger LOG = Logger.getLogger(CalendarReadiness.class);
    private static final String NAME = "Official calendar";

    private final DeadlineService deadlines;
    private final ServiceClock clock;
    private final AtomicReference<LocalDate> loggedOn = new AtomicReference<>();

    public CalendarReadiness(DeadlineService deadlines, ServiceClock clock) {
        this.deadlines = deadlines;
        this.clock = clock;
    }

    @Override
    public HealthCheckResponse call() {
        LocalDate today = WorkingCalendar.dayOf(clock.now());
        WorkingCalendar calendar = deadlines.calendar();
        var response = HealthCheckResponse.named(NAME).up();
        String warning = warning(today, calendar);
        if (warning != null) {
            response.withData("warning", warning);
            if (!today.equals(loggedOn.getAndSet(today))) LOG.warn(warning);
        }
        return response.build();
    }

    /** The warning for this day, or null. */
    static String warning(LocalDate today, WorkingCalendar calendar) {
        int year = today.getYear();
        if (!calendar.isLoaded(year)) {
            return "The official calendar of %d is not loaded: deadlines are counted on the ordinary week and marked provisional. Load it with PUT /api/calendar/%d."
                    .formatted(year, year);
        }
        if (today.getMonth().compareTo(Month.NOVEMBER) >= 0 && !calendar.isLoaded(year + 1)) {
            return "The official calendar of %d is not loaded yet: deadlines reaching into it are provisional. Load it with PUT /api/calendar/%d when the State Council publishes it."
                    .formatted(year + 1, year + 1);
        }
        return null;
    }
}
