package org.gridcc.boundary;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;

/** A grid version: draft, published (exactly one) or retired (can be published again by a rollback). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record GridVersionView(int id, String label, String status, String sourceFile, String crs, OffsetDateTime createdAt,
                              OffsetDateTime publishedAt, OffsetDateTime retiredAt, String tiles) {}
