package org.gridcc.people;

import java.time.LocalDate;
import java.util.List;

/**
 * Who is responsible for a grid and who is on duty there today: the heads from the county down to
 * the grid, its grid workers (the first {@value GridPeopleResource#WORKERS_SHOWN} of its subtree,
 * by grid) with their number, and those of them on duty today.
 */
public record GridPeople(String grid, String gridName, LocalDate today, boolean workingDay, List<PersonView> heads, long workerCount,
                         List<PersonView> workers, List<PersonView> onDutyToday) {}
