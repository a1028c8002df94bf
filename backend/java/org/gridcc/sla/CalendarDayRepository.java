package org.gridcc.sla;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.List;

@ApplicationScoped
public class CalendarDayRepository implements PanacheRepositoryBase<CalendarDay, LocalDate> {

    @WithSession
    public Uni<List<CalendarDay>> inYear(int year) {
        return find("day between ?1 and ?2", Sort.by("day"), firstDay(year), lastDay(year)).list();
    }

    private static LocalDate firstDay(int year) {
        return LocalDate.of(year, 1, 1);
    }

    private static LocalDate lastDay(int year) {
        return LocalDate.of(year, 12, 31);
    }
}
