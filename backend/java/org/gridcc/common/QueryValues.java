package org.gridcc.common;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.gridcc.common.Problem.FieldError;

/**
 * Values of a query string, read as text so that a bad one is a 400 that says why (JAX-RS would
 * make it a 404). A bad value is added to the caller's list of field errors, so that one answer
 * names every field at fault.
 */
public final class QueryValues {

    private QueryValues() {}

    /** A whole number from min to max, the fallback when absent (and when bad, after noting it). */
    public static Long wholeNumber(String field, String text, Long fallback, long min, long max, List<FieldError> errors) {
        if (text == null || text.isBlank()) return fallback;
        try {
            long value = Long.parseLong(text.strip());
            if (value >= min && value <= max) return value;
        } catch (NumberFormatException e) {
            // told below
        }
        errors.add(new FieldError(field, "must be a whole number from %d to %d, not \"%s\"".formatted(min, max, text)));
        return fallback;
    }

    /**
     * true or false, null when absent (and when bad, after noting it): JAX-RS would read any other word
     * as false, so that {@code overdue=maybe} silently listed the cases that are not overdue.
     */
    public static Boolean trueOrFalse(String field, String text, List<FieldError> errors) {
        if (text == null || text.isBlank()) return null;
        String word = text.strip();
        if (word.equalsIgnoreCase("true")) return true;
        if (word.equalsIgnoreCase("false")) return false;
        errors.add(new FieldError(field, "must be true or false, not \"%s\"".formatted(text)));
        return null;
    }

    /** An ISO-8601 time with offset, null when absent (and when bad, after noting it). */
    public static OffsetDateTime time(String field, String text, List<FieldError> errors) {
        if (text == null || text.isBlank()) return null;
        try {
            return OffsetDateTime.parse(text.strip());
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, "\"%s\" is not a time with offset, e.g. 2026-10-01T00:00:00+08:00".formatted(text)));
            return null;
        }
    }

    /** A day (yyyy-MM-dd), the fallback when absent (and when bad, after noting it). */
    public static LocalDate date(String field, String text, LocalDate fallback, List<FieldError> errors) {
        if (text == null || text.isBlank()) return fallback;
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, "\"%s\" is not a date (yyyy-MM-dd)".formatted(text)));
            return fallback;
        }
    }

    /** A grid code, null when absent (and when bad, after noting it). */
    public static String gridCode(String field, String text, List<FieldError> errors) {
        if (text == null) return null;
        if (text.matches("[0-9]{6}([0-9]{3})*")) return text;
        errors.add(new FieldError(field, "a grid code is 6 digits, then groups of 3 digits, not \"%s\"".formatted(text)));
        return null;
    }

    /** Refuses the query when a value was bad, naming each field. */
    public static void refuseIfAny(List<FieldError> errors) {
        if (!errors.isEmpty()) throw new ProblemException(ProblemType.VALIDATION_FAILED, "The query cannot be answered; see errors.", errors);
    }
}
