package org.gridcc.cases;

/** A kind of case, with its default risk and the county department that handles it at county level. */
public record Category(String code, String name, Risk risk, String department) {}
