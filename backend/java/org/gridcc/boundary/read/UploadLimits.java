package org.gridcc.boundary.read;

/**
 * Refusal thresholds of an upload: what a zip may unpack to, and how many vertices one feature
 * and the whole file may have (what reading holds in memory grows with them, not with the bytes).
 */
public record UploadLimits(long maxUnpackedBytes, int maxPackingRatio, int maxEntries, int maxVerticesPerFeature, long maxVertices) {}
