package org.gridcc.risk;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A review of an entry: what was done or found, and its status after it (open, controlled or resolved). */
public record RiskReview(
        @NotNull(message = "give the status after the review: open, controlled or resolved") RiskStatus status,
        @NotBlank(message = "say what was done or found") @Size(max = 2000, message = "keep the note under 2,000 characters") String note) {}
