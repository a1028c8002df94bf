package org.gridcc.boundary.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.gridcc.common.ProblemException;
import org.gridcc.common.ProblemType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The vertex limits, small here: a feature with more vertices than a feature may have, or a
 * file with more than a file may, is refused with a 422 that names the feature, in every format.
 */
class VertexLimitTests {

    private static final int PER_FEATURE = 100;

    @TempDir Path dir;
    @TempDir Path tempRoot;

    /** Feature 2 has its geometry before its properties (GeoJSON allows any order) and an id. */
    private Path grids(int secondsVertices) throws Exception {
        List<String> features = new ArrayList<>();
        features.add("{\"type\":\"Feature\",\"properties\":{\"编码\":\"530324101001001\",\"名称\":\"第一网格\"},\"geometry\":" + ring(0, PER_FEATURE) + "}");
        features.add("{\"type\":\"Feature\",\"id\":\"g-2\",\"geometry\":" + ring(1, secondsVertices)
                + ",\"properties\":{\"编码\":\"530324101001002\",\"名称\":\"第二网格\"}}");
        features.add("{\"type\":\"Feature\",\"properties\":{\"编码\":\"530324101001003\",\"名称\":\"第三网格\"},\"geometry\":" + ring(2, 40) + "}");
        return Files.writeString(dir.resolve("grids.geojson"), "{\"type\":\"FeatureCollection\",\"features\":[" + String.join(",\n", features) + "]}");
    }

    /** A round grid of n vertices (the closing one counted) near 罗平县, the k-th from the west. */
    private static String ring(int k, int n) {
        List<String> positions = new ArrayList<>();
        for (int i = 0; i < n - 1; i++) {
            double angle = 2 * Math.PI * i / (n - 1);
            positions.add("[%.7f,%.7f]".formatted(104.30 + 0.02 * k + 0.005 * Math.cos(angle), 24.90 + 0.005 * Math.sin(angle)));
        }
        positions.add(positions.get(0));
        return "{\"type\":\"Polygon\",\"coordinates\":[[" + String.join(",", positions) + "]]}";
    }

    private static UploadLimits limits(int perFeature, long perFile) {
        return new UploadLimits(50_000_000, 100, 100, perFeature, perFile);
    }

    @Test
    void aFeatureAtTheLimitIsRead() throws Exception {
        SourceFile read = Fixtures.read(grids(PER_FEATURE), ReadOptions.none(), limits(PER_FEATURE, 1_000), tempRoot);
        assertThat(read.features()).extracting(feature -> feature.geometry().getNumPoints()).containsExactly(PER_FEATURE, PER_FEATURE, 40);
    }

    @Test
    void aGeoJsonFeatureOverTheLimitIsRefusedNamingIt() throws Exception {
        ProblemException refused = refused(grids(PER_FEATURE + 1), limits(PER_FEATURE, 1_000));

        assertThat(refused.type()).isEqualTo(ProblemType.UNPROCESSABLE);
        assertThat(refused.getMessage())
                .startsWith("feature 2 (id g-2, 编码 530324101001002, 名称 第二网格) of grids.geojson has 101 vertices; at most 100 are read per feature")
                .contains("gridcc.boundary.max-vertices-per-feature");
        assertThat(refused.errors()).singleElement().satisfies(error -> assertThat(error.field()).isEqualTo("file"));
        assertThat(refused.extensions()).containsEntry("feature", 2).containsEntry("vertices", 101L);
    }

    @Test
    void aShapefileFeatureOverTheLimitIsRefusedNamingIt() throws Exception {
        Path shp = Files.createDirectory(dir.resolve("shp"));
        Fixtures.ogr2ogr("-f", "ESRI Shapefile", "-lco", "ENCODING=UTF-8", shp.resolve("grids.shp").toString(), grids(PER_FEATURE + 1).toString());

        ProblemException refused = refused(Fixtures.zip(shp, dir.resolve("grids.zip"), ""), limits(PER_FEATURE, 1_000));

        assertThat(refused.type()).isEqualTo(ProblemType.UNPROCESSABLE);
        assertThat(refused.getMessage()).startsWith("feature 2 (编码 530324101001002, 名称 第二网格) of grids.zip has 101 vertices; at most 100");
        assertThat(refused.extensions()).containsEntry("feature", 2);
    }

    @Test
    void aGeoPackageFeatureOverTheLimitIsRefusedNamingIt() throws Exception {
        Path gpkg = dir.resolve("grids.gpkg");
        Fixtures.ogr2ogr("-f", "GPKG", gpkg.toString(), grids(PER_FEATURE + 1).toString());

        ProblemException refused = refused(gpkg, limits(PER_FEATURE, 1_000));

        assertThat(refused.type()).isEqualTo(ProblemType.UNPROCESSABLE);
        // Counted as JTS asks for room for them: only "more than" is known when the reading stops.
        assertThat(refused.getMessage()).startsWith("feature 2 (fid 2, 编码 530324101001002, 名称 第二网格) of grids.gpkg has more than 100 vertices");
        assertThat(refused.extensions()).containsEntry("feature", 2);
    }

    @Test
    void aFileOverItsTotalIsRefusedAtTheFeatureThatBringsItOver() throws Exception {
        ProblemException refused = refused(grids(PER_FEATURE), limits(PER_FEATURE, 2 * PER_FEATURE + 39));

        assertThat(refused.type()).isEqualTo(ProblemType.UNPROCESSABLE);
        assertThat(refused.getMessage()).startsWith("grids.geojson holds more than 239 vertices (counted up to feature 3 (编码 530324101001003, 名称 第三网格))")
                .contains("gridcc.boundary.max-vertices");
        assertThat(refused.extensions()).containsEntry("feature", 3);
    }

    private ProblemException refused(Path file, UploadLimits limits) {
        ProblemException refused = catchThrowableOfType(ProblemException.class, () -> Fixtures.read(file, ReadOptions.none(), limits, tempRoot));
        assertThat(refused).as("refusal of " + file.getFileName()).isNotNull();
        return refused;
    }
}
