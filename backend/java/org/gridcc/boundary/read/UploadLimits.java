package org.gridcc.boundary.read;

/** Refusal thresholds for zips. */
public record UploadLimits(long maxUnpackedBytes, int maxPackingRatio, int maxEntries) {}
