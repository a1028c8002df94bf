package org.gridcc.cases;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.regex.Pattern;
import org.gridcc.common.Problem.FieldError;
import org.gridcc.common.ProblemException;
import org.gridcc.common.ProblemType;

/**
 * One case, one code (一案一码): county division code, date received, serial and a check
 * character, printed as {@code 530324-20261126-000042-3}. The check character is ISO 7064
 * MOD 11-2, as on the resident identity card (0-9 or X), so one mistyped digit or two swapped
 * neighbours are caught before anything is looked up.
 */
public record CaseCode(String county, LocalDate day, long serial) {

    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;
    private static final Pattern FORM = Pattern.compile("(\\d{6})(\\d{8})(\\d{6,12})([0-9X])");

    public String text() {
        String digits = digits();
        return "%s-%s-%s-%c".formatted(county, day.format(DAY), digits.substring(14), check(digits));
    }

    @Override
    public String toString() {
        return text();
    }

    /** Reads a code as a person may type it: with or without hyphens and spaces, x or X. */
    public static CaseCode parse(String typed) {
        String compact = typed == null ? "" : typed.replaceAll("[\\s-]", "").toUpperCase();
        var match = FORM.matcher(compact);
        if (!match.matches()) {
            throw invalid("\"%s\" is not a case code: a code looks like 530324-20261126-000042-3 (county, date, serial, check)."
                    .formatted(typed), "not a case code");
        }
        String digits = compact.substring(0, compact.length() - 1);
        if (check(digits) != compact.charAt(compact.length() - 1)) {
            throw invalid("The check character of %s does not match its digits: a digit is probably mistyped.".formatted(typed),
                    "check character does not match");
        }
        try {
            return new CaseCode(match.group(1), LocalDate.parse(match.group(2), DAY), Long.parseLong(match.group(3)));
        } catch (DateTimeParseException e) {
            throw invalid("%s has no valid date in it (the 8 digits after the county code).".formatted(typed), "no valid date");
        }
    }

    private String digits() {
        return county + day.format(DAY) + "%06d".formatted(serial);
    }

    /** ISO 7064 MOD 11-2. */
    static char check(String digits) {
        int p = 0;
        for (int i = 0; i < digits.length(); i++) {
            p = ((p + (digits.charAt(i) - '0')) * 2) % 11;
        }
        int value = (12 - p) % 11;
        return value == 10 ? 'X' : (char) ('0' + value);
    }

    private static ProblemException invalid(String detail, String message) {
        return new ProblemException(ProblemType.INVALID_INPUT, detail, List.of(new FieldError("code", message)));
    }
}
