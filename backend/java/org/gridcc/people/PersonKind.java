package org.gridcc.people;

import java.util.Arrays;
import java.util.Optional;

/** What a person does in the grid: the kinds the seeds name. */
public enum PersonKind {
    /** A head of a level (五级五长, 网格长): Mizhi, Luoping. */
    HEAD("各级网格长"),
    /** A grid worker (网格员) of a grid, with the weekdays on duty: Luoping's 8,921. */
    WORKER("网格员"),
    /** A patrol inspector (民情巡察员) with a beat: Lanshan's 35. */
    INSPECTOR("民情巡察员"),
    /** A mediator (调解员) of a body, with specialties and a kind of mediation: Lushui's 59. */
    MEDIATOR("调解员"),
    /** A leader who receives petitioners on fixed days of the month (坐班接访): Mizhi, Xinji. */
    LEADER("接访领导");

    private final String label;

    PersonKind(String label) {
        this.label = label;
    }

    public String code() {
        return name().toLowerCase();
    }

    public String label() {
        return label;
    }

    public static Optional<PersonKind> of(String code) {
        return Arrays.stream(values()).filter(k -> k.code().equals(code)).findFirst();
    }

    public static String codes() {
        return String.join(", ", Arrays.stream(values()).map(PersonKind::code).toList());
    }
}
