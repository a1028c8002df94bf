package org.gridcc.cases;

/** The level of a responsible body: where low, medium and high risk cases are handled. */
public enum UnitLevel {
    VILLAGE, TOWNSHIP, COUNTY;

    public String code() {
        return name().toLowerCase();
    }

    public static UnitLevel handling(Risk risk) {
        return switch (risk) {
            case LOW -> VILLAGE;
            case MEDIUM -> TOWNSHIP;
            case HIGH -> COUNTY;
        };
    }
}
