package org.gridcc.rounds;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;

/** A patrol inspector's daily report (民情巡察员: 每日必学、每日必巡、每日必察、每日必报), one a day. */
public record NewPatrolReport(
        /** The day reported on; today when absent. */
        LocalDate day,
        @NotBlank(message = "say what was studied today (每日必学)") @Size(max = 2000, message = "keep it under 2,000 characters")
        String studied,
        @NotEmpty(message = "list the grids patrolled today (每日必巡)") @Size(max = 200, message = "list at most 200 grids")
        List<@NotNull(message = "give a grid code") @Pattern(regexp = "[0-9]{6}([0-9]{3})*",
                message = "a grid code is 6 digits, then groups of 3 digits") String> visited,
        @NotBlank(message = "say what was looked into today (每日必察)") @Size(max = 5000, message = "keep it under 5,000 characters")
        String observed,
        @Size(max = 2000, message = "keep the notes under 2,000 characters") String notes,
        @Size(max = 20, message = "report at most 20 findings a day") List<@Valid NewFinding> findings) {}
