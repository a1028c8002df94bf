package org.gridcc.common;

/** CSV tables as the API sends them: UTF-8 with a byte-order mark (so that Excel shows Chinese), cells as RFC 4180 has them. */
public final class Csv {

    public static final String MEDIA_TYPE = "text/csv";

    /** What a CSV body starts with. */
    public static final String BYTE_ORDER_MARK = "\uFEFF";

    private Csv() {}

    /** Quotes a cell that holds a comma, a quote or a line break. */
    public static String cell(Object value) {
        String text = value == null ? "" : value.toString();
        return text.matches("(?s).*[,\"\\n\\r].*") ? '"' + text.replace("\"", "\"\"") + '"' : text;
    }
}
