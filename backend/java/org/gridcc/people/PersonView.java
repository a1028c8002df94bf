package org.gridcc.people;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * A person as the API shows them: the phone masked (138****1234) unless asked for unmasked; the
 * fields of their kind only. A head's title is the level's name in the county.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PersonView(
        int id,
        String kind,
        String kindLabel,
        String name,
        String phone,
        /** masked or unmasked */
        String phoneAccess,
        String grid,
        String gridName,
        String level,
        String title,
        /** A grid worker's weekdays on duty on working days (1 Monday .. 7 Sunday). */
        List<Integer> dutyDays,
        /** A mediator's categories of dispute (点菜: a party picks by these). */
        List<String> specialties,
        MediationKind mediationKind,
        String body,
        /** A leader's days of the month receiving petitioners (坐班接访). */
        List<Integer> receptionDays,
        /** The username of the person's own login (a patrol inspector's or a grid worker's), null when they have none. */
        @JsonInclude(JsonInclude.Include.ALWAYS) String login,
        boolean demo) {

    PersonView withPhone(String shown, String access) {
        return new PersonView(id, kind, kindLabel, name, shown, access, grid, gridName, level, title, dutyDays, specialties,
                mediationKind, body, receptionDays, login, demo);
    }
}
