package org.gridcc.cases.open311;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Set;
import org.gridcc.common.ServiceClock;

/** The service_notice: who handles the request and by when it should be done, as a resident reads it. */
final class ServiceNotice {

    /** The deadline that means "done" in each rule set: 办结 (Luoping), the final answer (Lanshan 125), 办理 (信访). */
    static final Set<String> COMPLETION_KINDS = Set.of("FINISH", "FINAL_ANSWER", "HANDLING");

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("uuuu年M月d日");

    private ServiceNotice() {}

    static String of(String unitName, Instant expected) {
        String who = unitName == null ? "由指挥中心分派承办单位" : "由" + unitName + "办理";
        return expected == null ? who + "。" : "%s，预计%s前办结。".formatted(who, DAY.format(ServiceClock.local(expected)));
    }
}
