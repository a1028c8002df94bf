package org.gridcc.people;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/** A person as sent to POST and PUT /api/people: the fields of their kind (see {@link PeopleChecks}). */
public record PersonForm(
        @NotBlank(message = "give the kind: head, worker, inspector, mediator or leader") String kind,
        @NotBlank(message = "give the person's name") @Size(max = 50, message = "keep the name under 50 characters") String name,
        @Pattern(regexp = "\\+?[0-9][0-9 -]{4,19}", message = "a phone number has 5 to 20 digits (spaces and hyphens allowed)") String phone,
        @NotBlank(message = "give the grid (its code): a head's or worker's grid, an inspector's beat, a mediator's body, "
                + "a leader's county")
        @Pattern(regexp = "[0-9]{6}([0-9]{3})*", message = "a grid code is 6 digits, then groups of 3 digits") String grid,
        /** A head's level: township, village, group, base or household. */
        String level,
        List<Integer> dutyDays,
        List<String> specialties,
        MediationKind mediationKind,
        @Size(max = 100, message = "keep the body under 100 characters") String body,
        List<Integer> receptionDays) {}
