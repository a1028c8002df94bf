package org.gridcc.boundary.read;

import java.util.Map;

/**
 * Bounds what reading a file holds: at most so many vertices in one feature and in the whole
 * file (vertices as stored: a ring's closing point counts). Readers count a feature's vertices
 * before they build it, so that a feature over the limit is refused (422) without being built.
 */
final class VertexLimit {

    private final int perFeature;
    private final long perFile;
    private final String fileName;
    private long taken;

    VertexLimit(UploadLimits limits, String fileName) {
        this.perFeature = limits.maxVerticesPerFeature();
        this.perFile = limits.maxVertices();
        this.fileName = fileName;
    }

    int perFeature() {
        return perFeature;
    }

    /**
     * Counts a feature's vertices. Refused when it has more than a feature may, or brings the file
     * over its total. exact is false when the reader stopped counting past the limit; id: how the
     * file identifies the feature ("id 7", "fid 7"), or null.
     */
    void take(long vertices, boolean exact, int index, String id, Map<String, String> attributes) {
        if (vertices > perFeature) {
            String count = exact ? "%,d".formatted(vertices) : "more than %,d".formatted(perFeature);
            throw BadFile.tooBig(name(index, id, attributes) + " of " + fileName + " has " + count
                    + " vertices; at most %,d are read per feature (gridcc.boundary.max-vertices-per-feature). ".formatted(perFeature)
                    + "Simplify it to within about half a metre (QGIS's Simplify, or ogr2ogr -simplify) or split it, then upload the file again",
                    exact ? Map.of("feature", index, "vertices", vertices, "maxVerticesPerFeature", perFeature)
                            : Map.of("feature", index, "maxVerticesPerFeature", perFeature));
        }
        taken += vertices;
        if (taken > perFile) {
            throw BadFile.tooBig(fileName + " holds more than %,d vertices (counted up to ".formatted(perFile) + name(index, id, attributes)
                    + "); at most %,d are read per upload (gridcc.boundary.max-vertices). ".formatted(perFile)
                    + "Upload the grids of one township at a time (scope), or simplify them",
                    Map.of("feature", index, "maxVertices", perFile));
        }
    }

    /** "feature 3 (id 7, 编码 530324101001001, 名称 板桥镇第一网格)": its position in the file, its id, code and name where it has them. */
    private static String name(int index, String id, Map<String, String> attributes) {
        String codeAndName = FieldMapping.codeAndName(attributes);
        String known = (id == null ? "" : id) + (id != null && !codeAndName.isEmpty() ? ", " : "") + codeAndName;
        return "feature " + index + (known.isEmpty() ? "" : " (" + known + ")");
    }
}
