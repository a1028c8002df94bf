package org.gridcc.people;

import java.util.ArrayList;
import java.util.List;
import org.gridcc.common.Problem.FieldError;
import org.gridcc.common.ProblemException;
import org.gridcc.common.ProblemType;
import org.gridcc.grid.GridIndex;
import org.gridcc.grid.GridLevel;
import org.gridcc.grid.IndexedGrid;

/** What a person needs by kind: a head its level (of its grid's level), a worker duty days, a mediator specialties and kind, a leader reception days. */
final class PeopleChecks {

    private PeopleChecks() {}

    /** The kind of a valid form; else 400 naming every field that is wrong. */
    static PersonKind check(PersonForm form, GridIndex grids, List<String> disputes) {
        var errors = new ArrayList<FieldError>();
        PersonKind kind = PersonKind.of(form.kind()).orElse(null);
        if (kind == null) errors.add(new FieldError("kind", "unknown kind \"%s\"; the kinds are %s".formatted(form.kind(), PersonKind.codes())));
        IndexedGrid grid = grids.grid(form.grid()).orElse(null);
        if (grid == null) errors.add(new FieldError("grid", "no grid of the published version has code %s".formatted(form.grid())));
        if (kind != null) {
            only(kind == PersonKind.HEAD, "level", form.level(), "a head", errors);
            only(kind == PersonKind.WORKER, "dutyDays", form.dutyDays(), "a grid worker", errors);
            only(kind == PersonKind.MEDIATOR, "specialties", form.specialties(), "a mediator", errors);
            only(kind == PersonKind.MEDIATOR, "mediationKind", form.mediationKind(), "a mediator", errors);
            only(kind == PersonKind.LEADER, "receptionDays", form.receptionDays(), "a leader", errors);
            switch (kind) {
                case HEAD -> level(form.level(), grid, errors);
                case WORKER -> days("dutyDays", form.dutyDays(), 7, "weekdays 1 (Monday) to 7 (Sunday)", errors);
                case MEDIATOR -> {
                    if (form.mediationKind() == null) errors.add(new FieldError("mediationKind", "give the kind of mediation: 人民, 行政 or 司法"));
                    if (form.specialties() == null || form.specialties().isEmpty()) {
                        errors.add(new FieldError("specialties", "give the disputes the mediator takes, of %s".formatted(disputes)));
                    } else {
                        form.specialties().stream().filter(s -> !disputes.contains(s)).findFirst().ifPresent(s -> errors.add(
                                new FieldError("specialties", "\"%s\" is not a dispute category; they are %s".formatted(s, disputes))));
                    }
                }
                case LEADER -> days("receptionDays", form.receptionDays(), 31, "days of the month 1 to 31", errors);
                case INSPECTOR -> { }
            }
        }
        if (!errors.isEmpty()) throw new ProblemException(ProblemType.INVALID_INPUT, "The person is not complete or not right; see errors.", errors);
        return kind;
    }

    private static void only(boolean theirs, String field, Object value, String whose, List<FieldError> errors) {
        if (!theirs && value != null) errors.add(new FieldError(field, "only %s has %s; leave it out".formatted(whose, field)));
    }

    private static void level(String text, IndexedGrid grid, List<FieldError> errors) {
        if (text == null) {
            errors.add(new FieldError("level", "give the head's level: township, village, group, base or household"));
            return;
        }
        HeadLevel level = HeadLevel.of(text).orElse(null);
        if (level == null) {
            errors.add(new FieldError("level", "unknown level \"%s\"; the levels are township, village, group, base, household".formatted(text)));
        } else if (grid != null && level.gridLevel() != grid.level() && !(level.gridLevel() == GridLevel.BASE && grid.level() == GridLevel.SPECIAL)) {
            errors.add(new FieldError("level", "a head of level %s is placed in a grid of level %s; grid %s is of level %s"
                    .formatted(level.code(), level.gridLevel().code(), grid.code(), grid.level().code())));
        }
    }

    private static void days(String field, List<Integer> days, int last, String what, List<FieldError> errors) {
        if (days == null || days.isEmpty()) {
            errors.add(new FieldError(field, "give the %s".formatted(what)));
        } else if (days.stream().anyMatch(d -> d == null || d < 1 || d > last)) {
            errors.add(new FieldError(field, "%s are %s".formatted(field, what)));
        } else if (days.stream().distinct().count() != days.size()) {
            errors.add(new FieldError(field, "give each day once"));
        }
    }
}
