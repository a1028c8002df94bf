package org.gridcc.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gridcc.sla.DeadlineCalculator.validateExtension;
import static org.gridcc.sla.SlaFixtures.CALENDAR_2026;
import static org.gridcc.sla.SlaFixtures.at;

import org.junit.jupiter.api.Test;

class ExtensionValidationTests {

    private static final RuleSet XINFANG = RuleSets.load("xinfang");
    private static final String REASON = "需协调三个部门联合核查";

    @Test
    void oneExtensionOfUpToThirtyDaysWithAReasonIsAllowed() {
        assertThat(validateExtension(XINFANG, 0, 30, REASON)).isEmpty();
        assertThat(validateExtension(XINFANG, 0, 1, REASON)).isEmpty();
    }

    @Test
    void aSecondExtensionIsRefused() {
        assertThat(validateExtension(XINFANG, 1, 10, REASON)).containsExactly("the HANDLING deadline may be extended only once and already was");
    }

    @Test
    void moreThanThirtyDaysIsRefused() {
        assertThat(validateExtension(XINFANG, 0, 31, REASON)).containsExactly("an extension may be at most 30 days, not 31");
    }

    @Test
    void anExtensionMustBePositive() {
        assertThat(validateExtension(XINFANG, 0, 0, REASON)).containsExactly("an extension must be at least one day, not 0");
        assertThat(validateExtension(XINFANG, 0, -5, REASON)).containsExactly("an extension must be at least one day, not -5");
    }

    @Test
    void anExtensionNeedsItsReason() {
        assertThat(validateExtension(XINFANG, 0, 10, " ")).containsExactly("give the reason: the petitioner must be told why the deadline moves");
        assertThat(validateExtension(XINFANG, 0, 10, null)).hasSize(1);
    }

    @Test
    void everyReasonIsGivenAtOnce() {
        assertThat(validateExtension(XINFANG, 1, 45, "")).hasSize(3);
    }

    @Test
    void theLocalRuleSetsAllowNoExtension() {
        assertThat(validateExtension(RuleSets.load("luoping"), 0, 5, REASON)).singleElement().asString().contains("allows no extension");
        assertThat(validateExtension(RuleSets.load("lanshan-125"), 0, 5, REASON)).singleElement().asString().contains("allows no extension");
    }

    @Test
    void anExtendedCaseUnderARuleSetWithoutExtensionsIsAnError() {
        var events = CaseHistory.none().with(CaseEvent.RECEIVED, at("2026-09-30T10:00")).extendedBy(3);

        assertThatThrownBy(() -> DeadlineCalculator.deadlines(RuleSets.load("luoping"), CALENDAR_2026, events))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("allows no extension");
    }
}
