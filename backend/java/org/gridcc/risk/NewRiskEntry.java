package org.gridcc.risk;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.gridcc.cases.ActionRequest;

/** An entry of the register of risks to stability (信访不稳定因素信息库) as it is collected. */
public record NewRiskEntry(
        @NotBlank(message = "say what the risk is about") @Size(max = 500, message = "keep the subject under 500 characters") String subject,
        @NotNull(message = "name the grid where the risk lies")
        @Pattern(regexp = "[0-9]{6}([0-9]{3})*", message = "a grid code is 6 digits, then groups of 3 digits") String grid,
        /** 1 (一类, the gravest), 2 or 3. */
        @NotNull(message = "give the class: 1 (一类), 2 (二类) or 3 (三类)") @Min(value = 1, message = "the class is 1, 2 or 3")
        @Max(value = 3, message = "the class is 1, 2 or 3") Integer riskClass,
        /** 包案's four fixes: 定领导 (leader), 定责任 (unit), 定人员 (person), 定时限 (deadline, not past). */
        @NotNull(message = "give the four fixes of 包案: leader, unit, person and deadline") @Valid ActionRequest.Leader fixes,
        /** The day collected (日收集); today when absent. */
        LocalDate collectedOn) {}
