package org.gridcc.cases.open311;

import java.util.ArrayList;
import java.util.List;

/**
 * The case description an Open311 request makes. A case has no field yet for an address typed by
 * the resident nor for a photo link, so both go on labelled lines after the text, where officers
 * see them; GET requests reads the link back from its line into media_url.
 */
final class CaseText {

    private static final String ADDRESS = "地址：";
    private static final String MEDIA = "附件：";

    private CaseText() {}

    static String of(String description, String addressString, String mediaUrl) {
        var parts = new ArrayList<String>();
        if (description != null) parts.add(description);
        if (addressString != null) parts.add(ADDRESS + addressString);
        if (mediaUrl != null) parts.add(MEDIA + mediaUrl);
        return parts.isEmpty() ? null : String.join("\n", parts);
    }

    static String mediaUrl(String caseDescription) {
        if (caseDescription == null) return null;
        List<String> lines = caseDescription.lines().toList();
        return lines.isEmpty() || !lines.get(lines.size() - 1).startsWith(MEDIA) ? null
                : lines.get(lines.size() - 1).substring(MEDIA.length());
    }
}
