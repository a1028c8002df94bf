package org.gridcc.cases.open311;

/** One error of an Open311 answer; {@code code} is the HTTP status, as the spec advises for most cases. */
public record Open311Error(int code, String description) {}
