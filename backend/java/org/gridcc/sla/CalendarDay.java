package org.gridcc.sla;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;

/** A day that differs from the ordinary week: an official holiday or a swapped workday. */
@Entity
@Table(name = "calendar_day")
public class CalendarDay {

    @Id
    public LocalDate day;

    @Column(nullable = false, columnDefinition = "text")
    public DayKind kind;

    @Column(columnDefinition = "text")
    public String note;

    public CalendarDay() {}
}
