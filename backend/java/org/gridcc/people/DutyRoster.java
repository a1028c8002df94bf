package org.gridcc.people;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * Who is on duty on a day: on a working day (the official calendar, with its swapped workdays) the
 * grid workers whose duty weekdays include that day's; on a day off, one worker of each grid in
 * turn (值班轮换), so that every grid has someone and the turns go round.
 */
final class DutyRoster {

    private DutyRoster() {}

    /** The workers on duty, from a list ordered by grid. */
    static List<PersonView> onDuty(List<PersonView> workers, LocalDate day, boolean workingDay) {
        if (workingDay) {
            int weekday = day.getDayOfWeek().getValue();
            return workers.stream().filter(w -> w.dutyDays() != null && w.dutyDays().contains(weekday)).toList();
        }
        var byGrid = new LinkedHashMap<String, List<PersonView>>();
        for (PersonView worker : workers) byGrid.computeIfAbsent(worker.grid(), g -> new ArrayList<>()).add(worker);
        var turn = new ArrayList<PersonView>();
        for (List<PersonView> grid : byGrid.values()) turn.add(grid.get((int) Math.floorMod(day.toEpochDay(), grid.size())));
        return turn;
    }
}
