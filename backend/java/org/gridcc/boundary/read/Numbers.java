package org.gridcc.boundary.read;

import java.math.BigDecimal;

/** Numbers as a person writes them: 530324101, 12.5; never 5.30324101E8. */
final class Numbers {

    private Numbers() {}

    static String plain(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) return Double.toString(value);
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
