package org.gridcc.boundary;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import org.gridcc.grid.GridLevel;

/**
 * A draft as the API shows it. state: reading, checking, ready, failed or published;
 * progress while a job runs ({step, done, total}); failure (a problem body) when it failed;
 * report once checked; tiles: the URL template of its preview tiles, with a {@code changes} layer;
 * uploadedBy: who uploaded it (absent for drafts older than that record).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DraftView(int id, String label, String state, GridLevel level, String scope, String fileName, String format,
                        String crs, String encoding, JsonNode mapping, Integer baseVersion, JsonNode progress, JsonNode failure,
                        JsonNode report, String tiles, OffsetDateTime createdAt, Uploader uploadedBy) {

    /** username, and the name the pages show (absent when the user is gone). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Uploader(String username, String displayName) {}

    public static String tilesOf(int version) {
        return "/tiles/grids/{z}/{x}/{y}.mvt?v=" + version;
    }
}
