package org.gridcc.stats;

import java.util.List;

/**
 * What the centre is measured by for a grid subtree and period (cases received in it), with
 * rates as fractions (null when nothing was there to rate).
 */
public record Kpis(
        long received,
        long acceptedOnTime,
        Double timelyAcceptanceRate,
        long replied,
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

    /** Cases that went overdue in the period, by the unit holding them. */
    /** A unit's cases that went overdue in the period, and those referred to the county 纪委 (一周一曝光). */
    public record UnitOverdue(String unit, String name, long overdueCases, long referredCases) {}

    public record CategoryCount(String category, String name, long received) {}

    static Double rate(long part, long whole) {
        return whole == 0 ? null : Math.round(1000.0 * part / whole) / 1000.0;
    }
}
