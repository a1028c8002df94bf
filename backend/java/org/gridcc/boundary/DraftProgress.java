package org.gridcc.boundary;

/** A draft's job moved on: pushed to /live clients (the GIS page shows it as a progress bar). */
public record DraftProgress(int draft, String state, String step, int done, int total) {}
