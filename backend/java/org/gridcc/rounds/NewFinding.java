package org.gridcc.rounds;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Something a round or a patrol found: a matter that can be taken in as a case. */
public record NewFinding(
        @NotBlank(message = "give a short title of what was found") @Size(max = 200, message = "keep the title under 200 characters")
        String title,
        @NotBlank(message = "give the category code, e.g. neighbour_dispute (GET /api/cases/categories lists them)")
        String category,
        @Size(max = 5000, message = "keep the description under 5,000 characters") String description,
        /** Where it was found: a grid in the round's unit (or the inspector's area); the round's unit when absent. */
        @Pattern(regexp = "[0-9]{6}([0-9]{3})*", message = "a grid code is 6 digits, then groups of 3 digits") String grid) {}
