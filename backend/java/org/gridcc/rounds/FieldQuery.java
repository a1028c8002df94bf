package org.gridcc.rounds;

import java.time.LocalDate;
import java.util.List;
import org.gridcc.access.Caller;
import org.gridcc.common.Problem.FieldError;
import org.gridcc.common.QueryValues;

/**
 * What the lists and counts of rounds and patrol reports are asked for: a grid's subtree (the caller's
 * own when none is named, 403 outside its scope), days from..to (the last 30 days by default, at most
 * 400 at once) and a limit. Every bad value is named in one 400, with those the caller noted before.
 */
record FieldQuery(String grid, LocalDate from, LocalDate to, int limit) {

    static final int DEFAULT_DAYS = 30;

    static FieldQuery read(Caller caller, String grid, String from, String to, String limit, long defaultLimit, long maxLimit, LocalDate today,
                           List<FieldError> errors) {
        LocalDate last = QueryValues.date("to", to, today, errors);
        LocalDate first = QueryValues.date("from", from, last.minusDays(DEFAULT_DAYS), errors);
        if (first.isAfter(last)) errors.add(new FieldError("from", "%s is after to (%s)".formatted(first, last)));
        else if (first.isBefore(last.minusDays(400))) errors.add(new FieldError("from", "ask for at most 400 days at once"));
        long max = QueryValues.wholeNumber("limit", limit, defaultLimit, 1, maxLimit, errors);
        QueryValues.gridCode("grid", grid, errors);
        QueryValues.refuseIfAny(errors);
        return new FieldQuery(caller.subtreeAsked(grid), first, last, (int) max);
    }
}
