package org.gridcc.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridcc.sla.CaseEvent.ACCEPTED;
import static org.gridcc.sla.CaseEvent.RECEIVED;
import static org.gridcc.sla.CaseEvent.REOPENED;
import static org.gridcc.sla.CaseEvent.REPLIED;
import static org.gridcc.sla.SlaFixtures.CALENDAR_2026;
import static org.gridcc.sla.SlaFixtures.at;
import static org.gridcc.sla.SlaFixtures.endOf;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which deadline an extension moves, when it may be granted, and how rounds count extensions. */
class ExtensionRoundsTests {

    private static final RuleSet XINFANG = RuleSets.load("xinfang");
    private static final String REASON = "需协调三个部门联合核查";

    /** A rule set whose extendable deadline is its second kind, not its first. */
    private static final RuleSet SECOND_EXTENDED = RuleSets.parse("""
            {"id": "test-second", "name": "test", "source": "test", "note": "test", "lastDayOffMovesToNextWorkingDay": false,
             "warning": {"fraction": 0.25},
             "extension": {"kind": "FINISH", "maxTimes": 2, "maxDays": 10, "reasonRequired": false, "source": "test"},
             "kinds": [
               {"kind": "CLAIM", "from": "RECEIVED", "amount": 24, "unit": "HOURS", "metBy": ["CLAIMED"], "source": "test"},
               {"kind": "FINISH", "from": "RECEIVED", "amount": 7, "unit": "CALENDAR_DAYS", "metBy": ["FINISHED"], "source": "test"}]}
            """.getBytes(StandardCharsets.UTF_8), "test");

    private static Deadline find(List<Deadline> deadlines, int round, DeadlineKind kind) {
        return deadlines.stream().filter(d -> d.round() == round && d.kind() == kind).findFirst().orElseThrow();
    }

    @Test
    void anExtensionMovesTheKindItNamesEvenWhenItIsNotTheFirst() {
        var history = CaseHistory.none().with(RECEIVED, at("2026-11-02T09:00")).extendedBy(3, at("2026-11-03T09:00"));
        var deadlines = DeadlineCalculator.deadlines(SECOND_EXTENDED, CALENDAR_2026, history);

        assertThat(find(deadlines, 0, DeadlineKind.CLAIM).due()).isEqualTo(at("2026-11-03T09:00"));
        assertThat(find(deadlines, 0, DeadlineKind.FINISH).due()).as("Nov 9 + 3").isEqualTo(endOf("2026-11-12"));
        assertThat(DeadlineCalculator.validateExtension(SECOND_EXTENDED, 1, 10, null)).as("twice allowed, no reason needed").isEmpty();
        assertThat(DeadlineCalculator.validateExtension(SECOND_EXTENDED, 2, 10, null)).singleElement().asString().contains("2 times");
    }

    @Test
    void nothingIsExtendedBeforeTheHandlingDeadlineStarts() {
        var received = CaseHistory.none().with(RECEIVED, at("2026-11-02T09:00"));
        assertThat(DeadlineCalculator.refusalsOfExtension(XINFANG, CALENDAR_2026, received, 10, REASON))
                .singleElement().asString().contains("no open HANDLING deadline").contains("ACCEPTED");
        var accepted = received.with(ACCEPTED, at("2026-11-03T09:00"));
        assertThat(DeadlineCalculator.refusalsOfExtension(XINFANG, CALENDAR_2026, accepted, 10, REASON)).isEmpty();
        var replied = accepted.with(REPLIED, at("2026-11-20T09:00"));
        assertThat(DeadlineCalculator.refusalsOfExtension(XINFANG, CALENDAR_2026, replied, 10, REASON)).as("met: nothing to extend")
                .singleElement().asString().contains("no open HANDLING deadline");
    }

    @Test
    void eachRoundMayBeExtendedOnceAndOnlyItsOwnDeadlineMoves() {
        var firstRound = CaseHistory.none().with(RECEIVED, at("2026-09-01T09:00")).with(ACCEPTED, at("2026-09-02T09:00"))
                .extendedBy(10, at("2026-09-10T09:00"));
        assertThat(DeadlineCalculator.refusalsOfExtension(XINFANG, CALENDAR_2026, firstRound, 5, REASON))
                .singleElement().asString().contains("only once");

        var reopened = firstRound.with(REPLIED, at("2026-10-20T09:00")).with(REOPENED, at("2026-10-26T09:00"));
        assertThat(DeadlineCalculator.refusalsOfExtension(XINFANG, CALENDAR_2026, reopened, 5, REASON)).as("a new round").isEmpty();
        var deadlines = DeadlineCalculator.deadlines(XINFANG, CALENDAR_2026, reopened.extendedBy(5, at("2026-10-27T09:00")));
        assertThat(find(deadlines, 0, DeadlineKind.HANDLING).due()).as("Nov 1 (Sun) -> Nov 2, + 10").isEqualTo(endOf("2026-11-12"));
        assertThat(find(deadlines, 1, DeadlineKind.HANDLING).due()).as("Dec 25 + 5").isEqualTo(endOf("2026-12-30"));
    }

    @Test
    void onlyTheCurrentRoundsHandlingDeadlineCounts() {
        // Round 0 was never answered; round 1 was: nothing is open to extend now.
        var history = CaseHistory.none().with(RECEIVED, at("2026-09-01T09:00")).with(ACCEPTED, at("2026-09-02T09:00"))
                .with(REOPENED, at("2026-10-26T09:00")).with(REPLIED, at("2026-10-30T09:00"));
        assertThat(DeadlineCalculator.refusalsOfExtension(XINFANG, CALENDAR_2026, history, 5, REASON))
                .singleElement().asString().contains("no open HANDLING deadline");
    }

    @Test
    void theLocalRulesRefuseAnyExtension() {
        var history = CaseHistory.none().with(RECEIVED, at("2026-11-02T09:00"));
        assertThat(DeadlineCalculator.refusalsOfExtension(RuleSets.load("luoping"), CALENDAR_2026, history, 5, REASON))
                .singleElement().asString().contains("allows no extension");
    }
}
