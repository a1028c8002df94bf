package org.gridcc.cases;

/**
 * A kind of case, with its default risk, the county department that handles it at county level,
 * and how near in place and time another open case of the kind must be to look like the same matter.
 */
public record Category(String code, String name, Risk risk, String department, int duplicateRadiusMetres, int duplicateWindowHours) {}
