package org.gridcc.cases;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;

/** A case as a channel submits it. Give either {@code location} or {@code gridCode}. */
public record NewCase(
        @NotNull(message = "say where the case came in: grid_worker, window, hotline_12345, online, deputy_station or patrol_inspector")
        Channel channel,
        @NotBlank(message = "give the category code, e.g. neighbour_dispute (GET /api/cases/categories lists them)")
        String category,
        Risk risk,
        @NotBlank(message = "give a short title") @Size(max = 200, message = "keep the title under 200 characters")
        String title,
        @Size(max = 5000, message = "keep the description under 5,000 characters")
        String description,
        @Valid Location location,
        @Pattern(regexp = "[0-9]{6}([0-9]{3})*", message = "a grid code is 6 digits, then groups of 3 digits")
        String gridCode,
        @Valid Reporter reporter,
        OffsetDateTime receivedAt,
        @Pattern(regexp = "luoping|lanshan-125|xinfang", message = "the rule sets are luoping, lanshan-125 and xinfang")
        String ruleSet) {

    /** Where the matter is, in decimal degrees. */
    public record Location(@NotNull(message = "give the longitude") Double lon, @NotNull(message = "give the latitude") Double lat) {}

    /** Who raised it: personal data. */
    public record Reporter(
            @Size(max = 50, message = "keep the name under 50 characters") String name,
            @Pattern(regexp = "\\+?[0-9 -]{5,20}", message = "a phone number has 5 to 20 digits") String phone) {}
}
