package org.gridcc.stats;

import java.util.List;

/**
 * What the centre is measured by for a grid subtree and period (cases received in it), with
 * rates as fractions (null when nothing was there to rate) and the counts each rate is taken
 * from (part, then whole), so that a rate is never shown without them. The one definition of
 * each figure (in {@link CaseStats}) serves the reports and the live wall.
 */
public record Kpis(
        long received,
        long acceptanceDecided,
        long acceptedOnTime,
        Double timelyAcceptanceRate,
        long replyDecided,
        long repliedOnTime,
        Double onTimeReplyRate,
        long finished,
        Double completionRate,
        long evaluated,
        long satisfied,
        Double satisfactionRate,
        /** Disputes mediated (a MEDIATED event), those whose latest mediation reached an agreement, and those confirmed by a court (司法确认). */
        long mediated,
        long mediationAgreements,
        long judiciallyConfirmed,
        Double mediationSuccessRate,
        List<UnitOverdue> overdueByUnit,
        List<CategoryCount> byCategory) {

    /** A unit's cases that went overdue in the period, and those referred to the county 纪委 (一周一曝光). */
    public record UnitOverdue(String unit, String name, long overdueCases, long referredCases) {}

    public record CategoryCount(String category, String name, long received) {}

    /** A rate with what it is taken from: part of whole (value null when whole is 0). */
    public record Rate(long part, long whole, Double value) {
        static Rate of(long part, long whole) {
            return new Rate(part, whole, Kpis.rate(part, whole));
        }
    }

    public Rate timelyAcceptance() {
        return Rate.of(acceptedOnTime, acceptanceDecided);
    }

    public Rate onTimeReply() {
        return Rate.of(repliedOnTime, replyDecided);
    }

    public Rate satisfaction() {
        return Rate.of(satisfied, evaluated);
    }

    static Double rate(long part, long whole) {
        return whole == 0 ? null : Math.round(1000.0 * part / whole) / 1000.0;
    }
}
