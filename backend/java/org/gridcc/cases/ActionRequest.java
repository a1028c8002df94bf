package org.gridcc.cases;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.Optional;
import org.gridcc.common.Problem.FieldError;
import org.gridcc.people.MediationKind;

/**
 * Why an action is taken, with what it needs (a unit to dispatch to, a rating, ...). The signed-in
 * user is the actor; {@code actor}, if given, is whom they act for (kept as onBehalfOf).
 */
public record ActionRequest(
        @Size(max = 100, message = "keep the actor under 100 characters") String actor,
        @Size(max = 2000, message = "keep the reason under 2,000 characters") String reason,
        @Size(max = 60, message = "a unit code is short") String unit,
        Rating rating,
        @Valid Leader leader,
        Integer days,
        /** The other case of a possible duplicate: the one to merge into, or to keep apart from. */
        @Size(max = 40, message = "a case code is short") String other,
        @Valid Mediation mediation) {

    /** The resident's rating after the follow-up call (回访). */
    public enum Rating {
        @JsonProperty("满意") SATISFIED,
        @JsonProperty("基本满意") BASICALLY_SATISFIED,
        @JsonProperty("不满意") UNSATISFIED
    }

    /**
     * A mediation of a dispute: the mediator (their id in the register, picked by the party from
     * those who take the case's category: 点菜), the kind (人民, 行政, 司法; the mediator's body's when
     * left out), whether an agreement was reached, and whether a court confirmed it (司法确认).
     * {@code mediatorName} is filled in by the service.
     */
    public record Mediation(
            @NotNull(message = "give the mediator's id from the pool (GET /api/people?kind=mediator&category=...)") Integer mediator,
            MediationKind kind,
            @NotNull(message = "say whether an agreement was reached (true or false)") Boolean agreement,
            Boolean judicialConfirmation,
            String mediatorName) {

        Mediation resolved(String name, MediationKind kindOfBody) {
            return new Mediation(mediator, kind == null ? kindOfBody : kind, agreement, Boolean.TRUE.equals(judicialConfirmation), name);
        }
    }

    ActionRequest withMediation(Mediation resolved) {
        return new ActionRequest(actor, reason, unit, rating, leader, days, other, resolved);
    }

    /** 领导包案 with the four fixes (四定): leader, unit, person, deadline; all four are required. */
    public record Leader(
            @NotBlank(message = "name the lead leader (定牵头领导)") @Size(max = 100, message = "keep the name under 100 characters") String leader,
            @NotBlank(message = "name the responsible unit (定责任单位)") @Size(max = 100, message = "keep the unit under 100 characters") String unit,
            @NotBlank(message = "name the responsible person (定具体责任人)") @Size(max = 100, message = "keep the name under 100 characters") String person,
            @NotNull(message = "give the date it is to be finished by (定办结时限), yyyy-MM-dd") LocalDate deadline) {

        /** 定时限: the date cannot be past (the cases' 包案 and the risk register's use this one rule). */
        public Optional<FieldError> pastDeadline(LocalDate today, String field) {
            return deadline.isBefore(today)
                    ? Optional.of(new FieldError(field, "%s is past; give the date it is to be finished by".formatted(deadline)))
                    : Optional.empty();
        }
    }
}
