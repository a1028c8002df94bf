package org.gridcc.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gridcc.sla.SlaFixtures.at;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What a rule set, a rule, a warning, an extension and a history refuse to be, at their edges. */
class RuleValidationTests {

    private static final List<CaseEvent> CLAIMED = List.of(CaseEvent.CLAIMED);
    private static final WarningLead QUARTER = new WarningLead(0.25, null);

    private static DeadlineRule rule(DeadlineKind kind, CaseEvent from, int amount, DurationUnit unit, List<CaseEvent> metBy, String source) {
        return new DeadlineRule(kind, from, amount, unit, metBy, null, source, null);
    }

    @Test
    void aRuleNeedsItsKindStartUnitEventsAndSource() {
        assertThatCode(() -> rule(DeadlineKind.CLAIM, CaseEvent.RECEIVED, 1, DurationUnit.HOURS, CLAIMED, "s")).doesNotThrowAnyException();
        assertThatThrownBy(() -> rule(null, CaseEvent.RECEIVED, 1, DurationUnit.HOURS, CLAIMED, "s")).hasMessageContaining("kind");
        assertThatThrownBy(() -> rule(DeadlineKind.CLAIM, null, 1, DurationUnit.HOURS, CLAIMED, "s")).hasMessageContaining("from");
        assertThatThrownBy(() -> rule(DeadlineKind.CLAIM, CaseEvent.RECEIVED, 1, null, CLAIMED, "s")).hasMessageContaining("unit");
        assertThatThrownBy(() -> rule(DeadlineKind.CLAIM, CaseEvent.RECEIVED, 0, DurationUnit.HOURS, CLAIMED, "s"))
                .hasMessageContaining("positive amount");
        assertThatThrownBy(() -> rule(DeadlineKind.DISPATCH, CaseEvent.RECEIVED, 1, DurationUnit.SAME_DAY, CLAIMED, "s"))
                .hasMessageContaining("takes no amount");
        assertThatCode(() -> rule(DeadlineKind.DISPATCH, CaseEvent.RECEIVED, 0, DurationUnit.SAME_DAY, CLAIMED, "s")).doesNotThrowAnyException();
        assertThatThrownBy(() -> rule(DeadlineKind.CLAIM, CaseEvent.RECEIVED, 1, DurationUnit.HOURS, null, "s")).hasMessageContaining("metBy");
        assertThatThrownBy(() -> rule(DeadlineKind.CLAIM, CaseEvent.RECEIVED, 1, DurationUnit.HOURS, List.of(), "s")).hasMessageContaining("metBy");
        assertThatThrownBy(() -> rule(DeadlineKind.CLAIM, CaseEvent.RECEIVED, 1, DurationUnit.HOURS, CLAIMED, " ")).hasMessageContaining("source");
        assertThatThrownBy(() -> rule(DeadlineKind.CLAIM, CaseEvent.RECEIVED, 1, DurationUnit.HOURS, CLAIMED, null)).hasMessageContaining("source");
    }

    @Test
    void aWarningIsAFractionBetweenZeroAndOneOrAPositivePeriod() {
        assertThatCode(() -> new WarningLead(0.5, null)).doesNotThrowAnyException();
        assertThatCode(() -> new WarningLead(null, Duration.ofSeconds(1))).doesNotThrowAnyException();
        assertThatThrownBy(() -> new WarningLead(0.5, Duration.ofHours(1))).hasMessageContaining("not both");
        assertThatThrownBy(() -> new WarningLead(null, null)).hasMessageContaining("not both or neither");
        assertThatThrownBy(() -> new WarningLead(0.0, null)).hasMessageContaining("between 0 and 1");
        assertThatThrownBy(() -> new WarningLead(1.0, null)).hasMessageContaining("between 0 and 1");
        assertThatThrownBy(() -> new WarningLead(null, Duration.ZERO)).hasMessageContaining("positive");
        assertThatThrownBy(() -> new WarningLead(null, Duration.ofSeconds(-1))).hasMessageContaining("positive");
    }

    @Test
    void anExtensionNamesItsKindAndAtLeastOneTimeAndDay() {
        assertThatCode(() -> new ExtensionRule(DeadlineKind.HANDLING, 1, 1, true, "s")).doesNotThrowAnyException();
        assertThatThrownBy(() -> new ExtensionRule(null, 1, 1, true, "s")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ExtensionRule(DeadlineKind.HANDLING, 0, 1, true, "s")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ExtensionRule(DeadlineKind.HANDLING, 1, 0, true, "s")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aRuleSetHasAnIdAWarningAndKindsOnceEachAndExtendsOnlyOneOfItsNaturalDayKinds() {
        var claim = rule(DeadlineKind.CLAIM, CaseEvent.RECEIVED, 24, DurationUnit.HOURS, CLAIMED, "s");
        var finish = rule(DeadlineKind.FINISH, CaseEvent.RECEIVED, 7, DurationUnit.CALENDAR_DAYS, List.of(CaseEvent.FINISHED), "s");
        assertThatCode(() -> new RuleSet("x", "x", "s", null, false, QUARTER, new ExtensionRule(DeadlineKind.FINISH, 1, 5, false, "s"),
                List.of(claim, finish))).doesNotThrowAnyException();
        assertThatThrownBy(() -> new RuleSet(null, "x", "s", null, false, QUARTER, null, List.of(claim))).hasMessageContaining("id");
        assertThatThrownBy(() -> new RuleSet(" ", "x", "s", null, false, QUARTER, null, List.of(claim))).hasMessageContaining("id");
        assertThatThrownBy(() -> new RuleSet("x", "x", "s", null, false, null, null, List.of(claim))).hasMessageContaining("warning");
        assertThatThrownBy(() -> new RuleSet("x", "x", "s", null, false, QUARTER, null, null)).hasMessageContaining("kinds");
        assertThatThrownBy(() -> new RuleSet("x", "x", "s", null, false, QUARTER, null, List.of())).hasMessageContaining("kinds");
        assertThatThrownBy(() -> new RuleSet("x", "x", "s", null, false, QUARTER, null, List.of(claim, claim)))
                .hasMessageContaining("CLAIM is listed twice");
        assertThatThrownBy(() -> new RuleSet("x", "x", "s", null, false, QUARTER, new ExtensionRule(DeadlineKind.HANDLING, 1, 5, false, "s"),
                List.of(claim, finish))).hasMessageContaining("not among its kinds");
        assertThatThrownBy(() -> new RuleSet("x", "x", "s", null, false, QUARTER, new ExtensionRule(DeadlineKind.CLAIM, 1, 5, false, "s"),
                List.of(claim, finish))).hasMessageContaining("CALENDAR_DAYS, not HOURS");
    }

    @Test
    void aRuleSetNamesTheEventsOfItsRulesAndExtendedOnlyWhenItAllowsAnExtension() {
        RuleSet luoping = RuleSets.load("luoping"), xinfang = RuleSets.load("xinfang");
        assertThat(xinfang.names(CaseEvent.EXTENDED)).isTrue();
        assertThat(luoping.names(CaseEvent.EXTENDED)).isFalse();
        assertThat(luoping.names(CaseEvent.RECEIVED)).as("a start").isTrue();
        assertThat(luoping.names(CaseEvent.FINISHED)).as("an event that meets").isTrue();
        assertThat(luoping.names(CaseEvent.TRANSFERRED)).isFalse();
        assertThat(xinfang.rule(DeadlineKind.HANDLING)).get().extracting(DeadlineRule::from).isEqualTo(CaseEvent.ACCEPTED);
        assertThat(xinfang.rule(DeadlineKind.CLAIM)).isEmpty();
        assertThatThrownBy(() -> RuleSets.load("nanjing")).hasMessageContaining("no rule set 'nanjing'");
    }

    @Test
    void anOccurrenceCarriesDaysOnlyForAnExtensionAndADateOnlyForALeader() {
        var now = at("2026-11-02T09:00");
        assertThatThrownBy(() -> new CaseHistory.Occurrence(null, now, 0, null)).hasMessageContaining("event and time");
        assertThatThrownBy(() -> new CaseHistory.Occurrence(CaseEvent.CLAIMED, null, 0, null)).hasMessageContaining("event and time");
        assertThatThrownBy(() -> new CaseHistory.Occurrence(CaseEvent.EXTENDED, now, -1, null)).hasMessageContaining("negative");
        assertThatThrownBy(() -> new CaseHistory.Occurrence(CaseEvent.EXTENDED, now, 0, null)).hasMessageContaining("must carry some");
        assertThatThrownBy(() -> new CaseHistory.Occurrence(CaseEvent.CLAIMED, now, 3, null)).hasMessageContaining("only an EXTENDED");
        assertThatThrownBy(() -> new CaseHistory.Occurrence(CaseEvent.LEADER_ASSIGNED, now, 0, null)).hasMessageContaining("must carry one");
        assertThatThrownBy(() -> new CaseHistory.Occurrence(CaseEvent.CLAIMED, now, 0, LocalDate.parse("2026-12-01")))
                .hasMessageContaining("only a LEADER_ASSIGNED");
        assertThatCode(() -> new CaseHistory.Occurrence(CaseEvent.EXTENDED, now, 1, null)).doesNotThrowAnyException();
    }

    @Test
    void extensionsFollowAnEventAndNoneAddsNothing() {
        var received = CaseHistory.none().with(CaseEvent.RECEIVED, at("2026-11-02T09:00"));
        assertThat(received.extendedBy(0)).isSameAs(received);
        assertThat(received.extendedBy(1).occurrences()).hasSize(2).last().extracting(CaseHistory.Occurrence::at)
                .isEqualTo(at("2026-11-02T09:00"));
        assertThatThrownBy(() -> received.extendedBy(-1)).hasMessageContaining("negative");
        assertThatThrownBy(() -> CaseHistory.none().extendedBy(3)).hasMessageContaining("follows an event");
    }

    @Test
    void aHistoryThatStartsWithAReopeningHasOneRound() {
        var history = CaseHistory.none().with(CaseEvent.REOPENED, at("2026-11-02T09:00")).with(CaseEvent.CLAIMED, at("2026-11-02T10:00"));
        assertThat(history.rounds()).hasSize(1);
        assertThat(history.with(CaseEvent.REOPENED, at("2026-11-03T10:00")).rounds()).hasSize(2);
    }

    @Test
    void theFirstLoadedYearIsTheEarliestWithEntries() {
        assertThat(new WorkingCalendar(Map.of()).firstLoadedYear()).isEmpty();
        assertThat(new WorkingCalendar(Map.of(LocalDate.parse("2027-01-01"), DayKind.OFF, LocalDate.parse("2026-10-01"), DayKind.OFF))
                .firstLoadedYear()).contains(2026);
    }

    @Test
    void aLeadersDeadlineIsTheLastOneSetInItsRound() {
        var history = CaseHistory.none().with(CaseEvent.RECEIVED, at("2026-11-02T09:00"))
                .ledUntil(LocalDate.parse("2026-11-20"), at("2026-11-03T09:00"))
                .ledUntil(LocalDate.parse("2026-11-25"), at("2026-11-04T09:00"));
        var lead = DeadlineCalculator.deadlines(RuleSets.load("luoping"), SlaFixtures.CALENDAR_2026, history).stream()
                .filter(d -> d.kind() == DeadlineKind.CASE_LEAD).toList();
        assertThat(lead).singleElement().satisfies(d -> {
            assertThat(d.due()).isEqualTo(SlaFixtures.endOf("2026-11-25"));
            assertThat(d.warnAt()).isAfter(at("2026-11-04T09:00"));
            assertThat(d.startedBy()).isEqualTo(CaseEvent.LEADER_ASSIGNED);
        });
    }

    @Test
    void aDeadlineEndingAtMidnightOfNewYearsEveIsCountedInTheYearItEnds() {
        // Five working days from Fri 18 Dec 2026 end at 24:00 on Fri 25 Dec: nothing of 2027 is counted.
        var deadlines = DeadlineCalculator.deadlines(RuleSets.load("lanshan-125"), SlaFixtures.CALENDAR_2026,
                CaseHistory.none().with(CaseEvent.RECEIVED, at("2026-12-18T10:00")));
        assertThat(deadlines.stream().filter(d -> d.kind() == DeadlineKind.FIRST_ANSWER)).singleElement()
                .satisfies(d -> assertThat(d.provisional()).isFalse());
        // From Thu 24 Dec: 25, 28, 29, 30, 31 Dec, ending at 24:00 of the 31st, the first instant of 2027.
        var lastDay = DeadlineCalculator.deadlines(RuleSets.load("lanshan-125"), SlaFixtures.CALENDAR_2026,
                CaseHistory.none().with(CaseEvent.RECEIVED, at("2026-12-24T10:00")));
        assertThat(lastDay.stream().filter(d -> d.kind() == DeadlineKind.FIRST_ANSWER)).singleElement()
                .satisfies(d -> assertThat(d.provisional()).as("its last day is in 2026").isFalse());
    }
}
