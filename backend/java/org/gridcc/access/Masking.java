package org.gridcc.access;

/**
 * How personal names and phone numbers are shown masked, wherever they appear (reporters of cases,
 * the grid's people): one rule, so that a phone is never masked one way here and another there.
 */
public final class Masking {

    private Masking() {}

    /** The first character (the surname, mostly) and a star for each other: 张三 -> 张*, 欧阳娜娜 -> 欧***. */
    public static String name(String name) {
        if (name == null || name.isBlank()) return name;
        String trimmed = name.strip();
        int first = trimmed.offsetByCodePoints(0, 1);
        int rest = trimmed.codePointCount(first, trimmed.length());
        return trimmed.substring(0, first) + "*".repeat(Math.max(1, rest));
    }

    /** The first three and the last four digits of a mobile number (138****1234); of a shorter one, the last two. */
    public static String phone(String phone) {
        if (phone == null || phone.isBlank()) return phone;
        String digits = phone.replaceAll("[^0-9]", "");
        if (digits.length() >= 11) return digits.substring(0, 3) + "*".repeat(digits.length() - 7) + digits.substring(digits.length() - 4);
        if (digits.length() <= 2) return "*".repeat(digits.length());
        return "*".repeat(digits.length() - 2) + digits.substring(digits.length() - 2);
    }
}
