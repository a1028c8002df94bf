package org.gridcc.boundary.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridcc.boundary.read.Fixtures.options;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Geometry;

class ShapefileReadingTests {

    /** Coordinates must equal ogr2ogr's own reprojection within this many metres. */
    private static final double TOLERANCE_METRES = 0.01;

    @TempDir Path dir;
    @TempDir Path tempRoot;

    @Test
    void gbkShapefileInCgcs2000ThreeDegreeGaussKrugerWithoutZoneNumber() throws Exception {
        Path shp = Fixtures.shapefile(dir, "grids", "EPSG:4544", "ENCODING=CP936");

        long start = System.nanoTime();
        SourceFile file = Fixtures.read(Fixtures.zip(shp, dir.resolve("grids.zip"), ""), ReadOptions.none(), tempRoot);
        System.out.printf("first Shapefile read (EPSG:4544, with the first CRS lookups): %d ms%n", (System.nanoTime() - start) / 1_000_000);

        assertThat(file.format()).isEqualTo("shapefile");
        assertThat(file.crs()).isEqualTo("EPSG:4544 CGCS2000 / 3-degree Gauss-Kruger CM 105E");
        assertThat(file.encoding()).isEqualTo("GBK");
        assertThat(file.fields()).containsExactly("编码", "名称", "上级编码", "网格长", "人口", "面积");
        assertThat(file.features()).extracting(f -> f.attributes().get("名称"))
                .containsExactly("板桥镇第一网格", "板桥镇第二网格", "罗雄街道第一网格", "板桥镇蝴蝶网格", "板桥镇无图网格");
        assertThat(file.features().get(0).attributes()).containsEntry("编码", "530324101001001").containsEntry("人口", "1234").containsEntry("面积", "12.5");
        assertThat(file.features().get(1).attributes()).doesNotContainKey("网格长").containsEntry("人口", "530324101");
        assertThat(file.warnings()).isEmpty();
        assertSameAsGdal(file, shp.resolve("grids.shp"));
    }

    @Test
    void threeDegreeZoneWithZoneNumberInTheEasting() throws Exception {
        // EPSG:4523 is zone 35 (CM 105E, eastings 35 xxx xxx); EPSG:4524 is zone 36 (CM 108E).
        for (String crs : List.of("EPSG:4523", "EPSG:4524")) {
            Path shp = Fixtures.shapefile(dir, "zoned" + crs.substring(5), crs, "ENCODING=CP936");
            SourceFile file = Fixtures.read(Fixtures.zip(shp, dir.resolve(crs.substring(5) + ".zip"), "grids/"), ReadOptions.none(), tempRoot);
            assertThat(file.crs()).startsWith(crs + " CGCS2000 / 3-degree Gauss-Kruger zone 3");
            assertSameAsGdal(file, shp.resolve("zoned" + crs.substring(5) + ".shp"));
        }
    }

    @Test
    void languageDriverByteWhenThereIsNoCpg() throws Exception {
        Path shp = Fixtures.shapefile(dir, "ldid", "EPSG:4544", "ENCODING=LDID/77"); // GDAL writes byte 0x4D and no .cpg
        assertThat(shp.resolve("ldid.cpg")).doesNotExist();

        SourceFile file = Fixtures.read(Fixtures.zip(shp, dir.resolve("ldid.zip"), ""), ReadOptions.none(), tempRoot);

        assertThat(file.encoding()).isEqualTo("GBK");
        assertThat(file.features().get(0).attributes()).containsEntry("名称", "板桥镇第一网格");
        assertThat(file.warnings()).isEmpty();
    }

    @Test
    void givenEncodingWhenNeitherCpgNorLanguageByteSaysIt() throws Exception {
        Path shp = Fixtures.shapefile(dir, "bare", "EPSG:4544", "ENCODING=CP936");
        Files.delete(shp.resolve("bare.cpg"));
        assertThat(Files.readAllBytes(shp.resolve("bare.dbf"))[29]).isZero();
        Path zip = Fixtures.zip(shp, dir.resolve("bare.zip"), "");

        SourceFile given = Fixtures.read(zip, options("GBK", null, null), tempRoot);
        assertThat(given.encoding()).isEqualTo("GBK");
        assertThat(given.features().get(2).attributes()).containsEntry("名称", "罗雄街道第一网格");
        assertThat(given.warnings()).isEmpty();

        SourceFile guessed = Fixtures.read(zip, ReadOptions.none(), tempRoot);
        assertThat(guessed.encoding()).isEqualTo("GBK");
        assertThat(guessed.features().get(2).attributes()).containsEntry("名称", "罗雄街道第一网格");
        assertThat(guessed.warnings()).singleElement().asString().contains("GBK assumed");
    }

    @Test
    void utf8WithoutCpgIsRecognisedAndSaid() throws Exception {
        // (GDAL cuts the 12-byte UTF-8 field name 上级编码 to 10 bytes, as DBF allows no more; the test looks at 名称 only.)
        Path shp = Fixtures.shapefile(dir, "utf8", "EPSG:4490", "ENCODING=UTF-8");
        Files.delete(shp.resolve("utf8.cpg"));

        SourceFile file = Fixtures.read(Fixtures.zip(shp, dir.resolve("utf8.zip"), ""), ReadOptions.none(), tempRoot);

        assertThat(file.encoding()).isEqualTo("UTF-8");
        assertThat(file.features().get(0).attributes()).containsEntry("名称", "板桥镇第一网格");
        assertThat(file.warnings()).singleElement().asString().contains("UTF-8 assumed");
    }

    @Test
    void sixDegreeZoneWebMercatorAndCgcs2000Geographic() throws Exception {
        // 4507: CGCS2000 6-degree CM 105E; 4496: 6-degree zone 18 (CM 105E) with the zone number; 3857; 4490 (latitude first in EPSG).
        for (String crs : List.of("EPSG:4507", "EPSG:4496", "EPSG:3857", "EPSG:4490")) {
            String name = "c" + crs.substring(5);
            Path shp = Fixtures.shapefile(dir, name, crs, "ENCODING=CP936");
            SourceFile file = Fixtures.read(Fixtures.zip(shp, dir.resolve(name + ".zip"), ""), ReadOptions.none(), tempRoot);
            // ESRI's Web Mercator .prj is not matched to EPSG:3857 by SIS; it is named as read (the numbers are right).
            assertThat(file.crs()).startsWith(crs.equals("EPSG:3857") ? "WGS_1984_Web_Mercator_Auxiliary_Sphere" : crs + " ");
            assertSameAsGdal(file, shp.resolve(name + ".shp"));
        }
    }

    @Test
    void invalidPolygonComesThroughUnrepairedAndMissingGeometryAsNull() throws Exception {
        Path shp = Fixtures.shapefile(dir, "grids", "EPSG:4490", "ENCODING=UTF-8");

        SourceFile file = Fixtures.read(Fixtures.zip(shp, dir.resolve("grids.zip"), ""), ReadOptions.none(), tempRoot);

        assertThat(file.features().get(3).geometry().isValid()).isFalse();
        assertThat(file.features().get(3).geometry().getNumPoints()).isEqualTo(5);
        assertThat(file.features().get(4).geometry()).isNull();
        assertThat(file.features()).extracting(SourceFeature::index).containsExactly(1, 2, 3, 4, 5);
    }

    @Test
    void noPrjButLongitudeLatitudeIsTakenWithAWarning() throws Exception {
        Path shp = Fixtures.shapefile(dir, "noprj", "EPSG:4326", "ENCODING=UTF-8");
        Files.delete(shp.resolve("noprj.prj"));

        SourceFile file = Fixtures.read(Fixtures.zip(shp, dir.resolve("noprj.zip"), ""), ReadOptions.none(), tempRoot);

        assertThat(file.crs()).startsWith("EPSG:4326");
        assertThat(file.warnings()).anySatisfy(warning -> assertThat(warning).contains("longitude/latitude"));
        assertThat(file.features().get(0).geometry().getEnvelopeInternal().getMinX()).isEqualTo(104.30);
    }

    @Test
    void givenCrsWinsOverMissingPrj() throws Exception {
        Path shp = Fixtures.shapefile(dir, "given", "EPSG:4544", "ENCODING=CP936");
        Files.delete(shp.resolve("given.prj"));

        SourceFile file = Fixtures.read(Fixtures.zip(shp, dir.resolve("given.zip"), ""), options(null, "4544", null), tempRoot);

        assertThat(file.crs()).isEqualTo("EPSG:4544 CGCS2000 / 3-degree Gauss-Kruger CM 105E");
        assertSameAsGdal(file, Fixtures.shapefile(dir, "reference", "EPSG:4544", "ENCODING=CP936").resolve("reference.shp"));
    }

    private void assertSameAsGdal(SourceFile file, Path shp) throws Exception {
        List<Geometry> expected = Fixtures.gdalInWgs84(shp, dir);
        assertThat(file.features()).hasSameSizeAs(expected);
        for (int i = 0; i < expected.size(); i++) {
            Geometry actual = file.features().get(i).geometry();
            if (expected.get(i) == null) {
                assertThat(actual).isNull();
                continue;
            }
            assertThat(actual.getSRID()).isEqualTo(4326);
            assertThat(actual.getCoordinate().getZ()).isNaN();
            assertThat(Fixtures.maxVertexDistanceMetres(actual, expected.get(i))).as("feature %d, metres from ogr2ogr", i + 1).isLessThan(TOLERANCE_METRES);
        }
    }
}
