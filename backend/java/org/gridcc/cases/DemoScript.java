package org.gridcc.cases;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import org.gridcc.common.ServiceClock;
import org.gridcc.grid.GridChain;
import org.gridcc.grid.GridLevel;
import org.gridcc.grid.demo.ChineseNames;
import org.gridcc.sla.WorkingCalendar;

/**
 * The steps a demo case takes through the closed loop, with their times and shares (Luoping's 72 hours, Lanshan's
 * satisfaction); it stops at the first step not before now. Every draw comes from the month's one seeded random.
 */
final class DemoScript {

    /** Cases left where they are for good (the overdue of today), cases handled late, supervised once overdue. */
    private static final double STALLED = 0.004, LATE = 0.03, SUPERVISED = 0.7, ESCALATED = 0.04, CONTACTED = 0.65,
            MEDIATED = 0.8, AGREED = 0.85, CONFIRMED = 0.2, LED = 0.05, REJECTED = 0.08;

    private final CasePlaythrough p;
    private final DemoArrival a;
    private final DemoSetting county;
    private final DemoActors actors;
    private final GridChain chain;
    private final Random random;
    private final Instant now;
    private final boolean supervise;
    private final boolean petition;
    private final String centre;

    DemoScript(CasePlaythrough p, DemoArrival a, DemoSetting county, DemoActors actors, GridChain chain, Random random, Instant now) {
        this.p = p;
        this.a = a;
        this.county = county;
        this.actors = actors;
        this.chain = chain;
        this.random = random;
        this.now = now;
        this.supervise = random.nextDouble() < SUPERVISED;
        this.petition = CaseIntake.ruleSetOf(a.category()).equals(Categories.PETITION_RULE_SET);
        this.centre = actors.centre(random);
    }

    void run() {
        if (!intake() || stalled() || !handle(true)) {
            superviseIfOverdue(now);
        }
    }

    /** The centre's first step: a request is dispatched; a petition is first accepted (or not) within its 15 days. */
    private boolean intake() {
        CasePlaythrough.Unit routed = p.unit();
        if (petition) {
            Instant decided = a.at().plus(hours(4, 120));
            if (random.nextDouble() < REJECTED) {
                if (step(CaseAction.REJECT, request(null, "不属于信访事项受理范围，已书面告知信访人依法通过诉讼途径解决"), centre, decided, null)) {
                    step(CaseAction.ARCHIVE, request(null, null), centre, p.last().plus(hours(24, 72)), null);
                }
                return false;
            }
            if (!step(CaseAction.ACCEPT, request(null, null), centre, decided, null)) return false;
        }
        return step(CaseAction.DISPATCH, request(routed.code(), null), centre, dispatchTime(), routed);
    }

    /** Claim, contact, mediation, reply, finish, rating, archive; once more after an unsatisfied rating. */
    private boolean handle(boolean firstRound) {
        if (!claim()) return false;
        if (p.unit().level().equals("village") || p.unit().level().equals("township")) {
            if (random.nextDouble() < ESCALATED) {
                CasePlaythrough.Unit above = county.units().get(CaseActions.unitAbove(p.unit().level(),
                        GridChain.codeAt(chain.chain(), GridLevel.TOWNSHIP), GridChain.codeAt(chain.chain(), GridLevel.COUNTY),
                        a.category().code()));
                if (!step(CaseAction.ESCALATE, request(null, "超出本级处置能力，申请上级协调处置"), holder(), p.last().plus(hours(1, 8)), above)
                        || !claim()) {
                    return false;
                }
            }
        }
        if (a.category().risk() == Risk.HIGH && random.nextDouble() < LED) {
            Instant at = p.last().plus(hours(1, 12));
            var leader = new ActionRequest.Leader("县委副书记" + ChineseNames.person(random) + ChineseNames.DEMO_MARK,
                    p.unit().code(), ChineseNames.person(random) + ChineseNames.DEMO_MARK, WorkingCalendar.dayOf(at).plusDays(7 + random.nextInt(8)));
            if (!step(CaseAction.ASSIGN_LEADER, new ActionRequest(null, null, null, null, leader, null, null, null), centre, at, null)) {
                return false;
            }
        }
        if (random.nextDouble() < CONTACTED && !step(CaseAction.CONTACT, request(p.unit().code(), null), holder(),
                p.last().plus(hours(1, 12)), null)) {
            return false;
        }
        if (a.category().mediation() && random.nextDouble() < MEDIATED && !mediate()) return false;
        if (stalled()) return false;
        if (!step(CaseAction.REPLY, request(p.unit().code(), "已向当事人答复处理意见"), holder(), replyTime(), null)) return false;
        if (stalled()) return false;
        Instant finished = late() ? a.at().plus(Duration.ofDays(7)).plus(hours(6, 72)) : p.last().plus(hours(1, 30));
        if (!step(CaseAction.FINISH, request(p.unit().code(), "已办结"), holder(), finished, null)) return false;
        double rated = random.nextDouble();
        var rating = rated < 0.9 ? ActionRequest.Rating.SATISFIED
                : rated < 0.97 || !firstRound ? ActionRequest.Rating.BASICALLY_SATISFIED : ActionRequest.Rating.UNSATISFIED;
        if (!step(CaseAction.EVALUATE, new ActionRequest(null, "回访", null, rating, null, null, null, null), centre,
                p.last().plus(hours(4, 48)), null)) {
            return false;
        }
        if (rating == ActionRequest.Rating.UNSATISFIED) return handle(false);
        return step(CaseAction.ARCHIVE, request(null, null), centre, p.last().plus(hours(24, 96)), null);
    }

    private boolean claim() {
        double draw = random.nextDouble();
        Duration after = draw < LATE ? hours(25, 40) : draw < 0.1 ? hours(5, 20) : hours(0.2, 5);
        return step(CaseAction.CLAIM, request(p.unit().code(), null), holder(), p.last().plus(after), null);
    }

    /** 调解 by a mediator of the pool who takes the category (点菜), as the mediate action records it. */
    private boolean mediate() {
        List<DemoSetting.Mediator> pool = county.mediators().stream().filter(m -> m.specialties().contains(a.category().code())).toList();
        if (pool.isEmpty()) return true;
        DemoSetting.Mediator m = pool.get(random.nextInt(pool.size()));
        boolean agreed = random.nextDouble() < AGREED;
        var mediation = new ActionRequest.Mediation(m.id(), null, agreed, agreed && random.nextDouble() < CONFIRMED, null)
                .resolved(m.name(), m.kind());
        var request = new ActionRequest(null, agreed ? "双方达成调解协议" : "调解未达成协议，告知当事人其他解决途径", null, null, null, null, null, mediation);
        return step(CaseAction.MEDIATE, request, holder(), p.last().plus(hours(2, 30)), null);
    }

    /** Luoping's 72 hours from receipt, mostly met; a petition's 60 days from acceptance, well within. */
    private Instant replyTime() {
        Instant at;
        if (petition) at = p.last().plus(hours(5 * 24, 40 * 24));
        else if (late()) at = a.at().plus(hours(74, 110));
        else if (a.category().code().equals("consultation")) at = p.last().plus(hours(0.5, 8));
        else at = a.at().plus(hours(6, 68));
        return at.isAfter(p.last()) ? at : p.last().plus(hours(0.5, 6));
    }

    /** Nights and early mornings wait for the centre's morning shift. */
    private Instant dispatchTime() {
        int hour = a.at().atZone(ServiceClock.CHINA).getHour();
        if (hour >= 8 && hour < 22) return p.last().plus(hours(0.1, 1.5));
        LocalDate day = WorkingCalendar.dayOf(a.at());
        if (hour >= 22) day = day.plusDays(1);
        return day.atTime(8, 0).atZone(ServiceClock.CHINA).toInstant().plus(hours(0, 1));
    }

    /** An action, after the centre's 督办 of a duty that fell overdue before it. */
    private boolean step(CaseAction action, ActionRequest request, String actor, Instant at, CasePlaythrough.Unit to) {
        superviseIfOverdue(at);
        return p.act(action, request, actor, at, to);
    }

    private void superviseIfOverdue(Instant until) {
        if (!supervise || p.supervised()) return;
        p.overdueBefore(until).ifPresent(overdue -> {
            Instant at = overdue.plus(hours(0.5, 3));
            if (at.isBefore(until)) p.act(CaseAction.SUPERVISE, request(null, "督办：已超时限，请加快办理并按时反馈"), centre, at, null);
        });
    }

    private boolean stalled() {
        return random.nextDouble() < STALLED;
    }

    private boolean late() {
        return random.nextDouble() < LATE;
    }

    private static ActionRequest request(String unit, String reason) {
        return new ActionRequest(null, reason, unit, null, null, null, null, null);
    }

    private String holder() {
        return actors.unit(p.unit().code(), random);
    }

    private Duration hours(double from, double to) {
        return Duration.ofSeconds((long) ((from + random.nextDouble() * (to - from)) * 3600));
    }
}
