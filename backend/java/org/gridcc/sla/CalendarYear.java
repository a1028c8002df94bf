package org.gridcc.sla;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;

/** The holidays and swapped workdays of one year, as published by the State Council. */
public record CalendarYear(
        int year,
        @NotNull(message = "list the holidays and swapped workdays of the year")
        @Size(max = 366, message = "a year has at most 366 days")
        List<@NotNull @Valid Entry> days) {

    /** One day: {@code {"date":"2026-10-01","kind":"off","note":"国庆节"}}. */
    public record Entry(
            @NotNull(message = "give the date as yyyy-MM-dd") LocalDate date,
            @NotNull(message = "give the kind: off (holiday) or work (swapped workday)") DayKind kind,
            @Size(max = 40, message = "keep the note under 40 characters") String note) {}
}
