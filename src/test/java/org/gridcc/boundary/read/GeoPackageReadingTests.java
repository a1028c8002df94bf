package org.gridcc.boundary.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.gridcc.boundary.read.Fixtures.options;

import java.nio.file.Path;
import org.gridcc.common.ProblemException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GeoPackageReadingTests {

    @TempDir Path dir;
    @TempDir Path tempRoot;

    @Test
    void projectedGeoPackageComesBackInLongitudeLatitude() throws Exception {
        Path gpkg = dir.resolve("grids.gpkg");
        Fixtures.ogr2ogr("-f", "GPKG", "-t_srs", "EPSG:4544", gpkg.toString(), Fixtures.grids(dir).toString());

        SourceFile file = Fixtures.read(gpkg, ReadOptions.none(), tempRoot);

        assertThat(file.format()).isEqualTo("geopackage");
        assertThat(file.crs()).isEqualTo("EPSG:4544 CGCS2000 / 3-degree Gauss-Kruger CM 105E");
        assertThat(file.encoding()).isNull();
        assertThat(file.fields()).containsExactly("编码", "名称", "上级编码", "网格长", "人口", "面积");
        assertThat(file.features()).hasSize(5);
        assertThat(file.features().get(0).attributes()).containsEntry("名称", "板桥镇第一网格").containsEntry("人口", "1234").containsEntry("面积", "12.5");
        assertThat(file.features().get(4).geometry()).isNull();
        assertThat(file.features().get(3).geometry().isValid()).isFalse();
        var first = file.features().get(0).geometry().getEnvelopeInternal();
        assertThat(first.getMinX()).isCloseTo(104.30, org.assertj.core.data.Offset.offset(1e-7));
        assertThat(first.getMinY()).isCloseTo(24.90, org.assertj.core.data.Offset.offset(1e-7));
    }

    @Test
    void twoLayersNeedTheLayerNamed() throws Exception {
        Path gpkg = dir.resolve("two.gpkg");
        Fixtures.ogr2ogr("-f", "GPKG", "-nln", "grids", gpkg.toString(), Fixtures.grids(dir).toString());
        Fixtures.ogr2ogr("-f", "GPKG", "-update", "-nln", "villages", "-t_srs", "EPSG:4490", gpkg.toString(), Fixtures.grids(dir).toString());

        ProblemException refused = catchThrowableOfType(ProblemException.class, () -> Fixtures.read(gpkg, ReadOptions.none(), tempRoot));
        assertThat(refused.errors()).singleElement().satisfies(error -> {
            assertThat(error.field()).isEqualTo("layer");
            assertThat(error.message()).contains("grids").contains("villages");
        });

        SourceFile villages = Fixtures.read(gpkg, options(null, null, "villages"), tempRoot);
        assertThat(villages.crs()).startsWith("EPSG:4490");
        assertThat(villages.features()).hasSize(5);

        ProblemException unknown = catchThrowableOfType(ProblemException.class, () -> Fixtures.read(gpkg, options(null, null, "towns"), tempRoot));
        assertThat(unknown.getMessage()).contains("towns").contains("grids, villages");
    }
}
