package org.gridcc.grid;

import java.util.List;
import java.util.regex.Pattern;
import org.gridcc.common.Problem.FieldError;
import org.gridcc.common.ProblemException;
import org.gridcc.common.ProblemType;

/** Unified grid codes (统一编码): a 6-digit county code, then 3-digit serials, level by level. */
public final class GridCode {

    private static final Pattern FORM = Pattern.compile("[0-9]{6}([0-9]{3})*");

    private GridCode() {}

    /** Whether the text has the form of a grid code (of any level). */
    public static boolean isCode(String code) {
        return code != null && FORM.matcher(code).matches();
    }

    public static String check(String code) {
        if (!isCode(code)) {
            throw new ProblemException(ProblemType.INVALID_INPUT,
                    "\"%s\" is not a grid code: a code is the 6-digit county code followed by 3-digit serials, e.g. 530324101002."
                            .formatted(code),
                    List.of(new FieldError("code", "6 digits, then groups of 3 digits")));
        }
        return code;
    }
}
