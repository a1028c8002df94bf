package org.gridcc.cases;

import java.util.List;
import org.gridcc.access.Caller;

/** The cases a caller may count or list, as a condition on {@code "case" c}: one rule for lists and counts. */
final class CaseScope {

    private CaseScope() {}

    /** Adds the condition's parameters to args. Aggregates carry no personal data: GIS staff and walls count everything. */
    static String condition(Caller caller, List<Object> args) {
        return switch (caller.role()) {
            case OFFICER -> {
                args.add(caller.grid());
                yield "$%d IN (c.county_code, c.township_code, c.village_code, c.group_code, c.base_code)".formatted(args.size());
            }
            case HANDLER -> {
                args.add(caller.unit());
                yield "c.unit_id = (SELECT id FROM unit WHERE code = $%d)".formatted(args.size());
            }
            case ADMIN, GIS, WALL -> "true";
            case OPEN311 -> "false";
        };
    }
}
