package org.gridcc.live;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * An early warning of a group event not yet acknowledged: the village it is in (with its
 * township, by name), the category and how many of its cases came within the window, the
 * cases of the cluster (oldest first), and when it was raised (China time).
 */
public record GroupAlert(long id, String village, String villageName, String townshipName, String category, String categoryName,
                         int cases, List<String> caseCodes, OffsetDateTime raisedAt) {}
