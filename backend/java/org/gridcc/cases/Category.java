package org.gridcc.cases;

/**
 * A kind of case, with its default risk, the county department that handles it at county level,
 * how near in place and time another open case of the kind must be to look like the same matter,
 * whether it is a dispute settled by mediation (调解), which the mediation success rate counts, and
 * whether its reporters are protected (检举控告: only the unit handling it sees who reported).
 */
public record Category(String code, String name, Risk risk, String department, int duplicateRadiusMetres, int duplicateWindowHours,
                       boolean mediation, boolean confidential) {}
