package org.gridcc.rounds;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.List;

/** A screening round (排查) as its worker records it: whose round (a grid at its level), when, where, what was found. */
public record NewRound(
        @NotNull(message = "name the grid whose round this is (a county, township, village or base grid)")
        @Pattern(regexp = "[0-9]{6}([0-9]{3})*", message = "a grid code is 6 digits, then groups of 3 digits") String grid,
        /** When the round was made; now when absent. */
        OffsetDateTime at,
        /** The grids walked, in the round's grid; the grid itself when absent. */
        @Size(max = 200, message = "list at most 200 grids visited")
        List<@NotNull(message = "give a grid code") @Pattern(regexp = "[0-9]{6}([0-9]{3})*",
                message = "a grid code is 6 digits, then groups of 3 digits") String> visited,
        @Size(max = 2000, message = "keep the notes under 2,000 characters") String notes,
        @Size(max = 20, message = "record at most 20 findings a round") List<@Valid NewFinding> findings) {}
