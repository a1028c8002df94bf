package org.gridcc.sla;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RuleSetsTests {

    @Test
    void everyBuiltInRuleSetLoadsAndNamesTheSourceOfEveryLimit() {
        var all = RuleSets.loadAll();

        assertThat(all).containsOnlyKeys("luoping", "lanshan-125", "xinfang");
        assertThat(all.values()).allSatisfy(rules -> {
            assertThat(rules.source()).isNotBlank();
            assertThat(rules.kinds()).allSatisfy(rule -> assertThat(rule.source()).isNotBlank());
        });
    }

    @Test
    void onlyTheRegulationMovesALastDayOffAHolidayAndAllowsAnExtension() {
        var all = RuleSets.loadAll();

        assertThat(all.get("xinfang").lastDayOffMovesToNextWorkingDay()).isTrue();
        assertThat(all.get("xinfang").extension()).isEqualTo(new ExtensionRule(DeadlineKind.HANDLING, 1, 30, true,
                all.get("xinfang").extension().source()));
        assertThat(all.get("luoping").lastDayOffMovesToNextWorkingDay()).isFalse();
        assertThat(all.get("luoping").extension()).isNull();
        assertThat(all.get("lanshan-125").lastDayOffMovesToNextWorkingDay()).isFalse();
        assertThat(all.get("lanshan-125").extension()).isNull();
    }

    @Test
    void anUnknownRuleSetNamesTheKnownOnes() {
        assertThatThrownBy(() -> RuleSets.load("beijing"))
                .hasMessageContaining("no rule set 'beijing'").hasMessageContaining("xinfang");
    }

    @Test
    void aMisspeltFieldIsRefused() {
        assertRefused(ruleSet("\"warning\": {\"fraction\": 0.2}", kind("\"amount\": 5, \"unit\": \"WORKING_DAYS\", \"amout\": 6")),
                "amout");
    }

    @Test
    void aFixedDayTakesNoAmountAndACountedUnitNeedsOne() {
        assertRefused(ruleSet("\"warning\": {\"fraction\": 0.2}", kind("\"amount\": 1, \"unit\": \"SAME_DAY\"")), "takes no amount");
        assertRefused(ruleSet("\"warning\": {\"fraction\": 0.2}", kind("\"unit\": \"HOURS\"")), "needs a positive amount");
    }

    @Test
    void aWarningIsAFractionOrAPeriod() {
        assertRefused(ruleSet("\"warning\": {\"fraction\": 0.2, \"before\": \"PT2H\"}", kind("\"unit\": \"SAME_DAY\"")), "not both");
        assertRefused(ruleSet("\"warning\": {\"fraction\": 1.5}", kind("\"unit\": \"SAME_DAY\"")), "between 0 and 1");
    }

    @Test
    void onlyANaturalDayDeadlineCanBeExtended() {
        String extension = "\"warning\": {\"fraction\": 0.2}, \"extension\": {\"kind\": \"CLAIM\", \"maxTimes\": 1, \"maxDays\": 30}";
        assertRefused(ruleSet(extension, kind("\"amount\": 24, \"unit\": \"HOURS\"")), "must count in CALENDAR_DAYS");
    }

    @Test
    void aKindIsListedOnce() {
        String twice = kind("\"unit\": \"SAME_DAY\"") + ", " + kind("\"unit\": \"SAME_DAY\"");
        assertRefused(ruleSet("\"warning\": {\"fraction\": 0.2}", twice), "CLAIM is listed twice");
    }

    private static void assertRefused(String json, String reason) {
        assertThatThrownBy(() -> RuleSets.parse(json.getBytes(UTF_8), "test.json"))
                .hasMessageContaining("test.json is not a valid rule set").hasMessageContaining(reason);
    }

    private static String ruleSet(String settings, String kinds) {
        return "{\"id\": \"test\", \"name\": \"test\", \"source\": \"test\", %s, \"kinds\": [%s]}".formatted(settings, kinds);
    }

    private static String kind(String limit) {
        return "{\"kind\": \"CLAIM\", \"from\": \"DISPATCHED\", %s, \"metBy\": [\"CLAIMED\"], \"source\": \"test\"}".formatted(limit);
    }
}
