package org.gridcc.boundary.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.gridcc.common.ProblemException;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;

/** Which CRS the data is in, and the resolver's names for CRSs as EPSG codes, URNs and the WKT GDAL writes into .prj files. */
class SourceCrsTests {

    private static final Envelope LUOPING = new Envelope(104.30, 104.36, 24.90, 24.95);
    private static final Envelope PROJECTED = new Envelope(430_000, 437_000, 2_754_000, 2_760_000);
    private static final Optional<FileLayer.DeclaredCrs> PRJ_4544 = Optional.of(new FileLayer.DeclaredCrs("EPSG:4544", "grids.prj"));

    /** The .prj GDAL 3 writes for EPSG:4544 and EPSG:4507 (ESRI names; same numbers, different zone widths). */
    static final String ESRI_4544 = "PROJCS[\"CGCS2000_3_Degree_GK_CM_105E\",GEOGCS[\"GCS_China_Geodetic_Coordinate_System_2000\","
            + "DATUM[\"D_China_2000\",SPHEROID[\"CGCS2000\",6378137.0,298.257222101]],PRIMEM[\"Greenwich\",0.0],"
            + "UNIT[\"Degree\",0.0174532925199433]],PROJECTION[\"Gauss_Kruger\"],PARAMETER[\"False_Easting\",500000.0],"
            + "PARAMETER[\"False_Northing\",0.0],PARAMETER[\"Central_Meridian\",105.0],PARAMETER[\"Scale_Factor\",1.0],"
            + "PARAMETER[\"Latitude_Of_Origin\",0.0],UNIT[\"Meter\",1.0]]";
    static final String ESRI_4507 = ESRI_4544.replace("CGCS2000_3_Degree_GK_CM_105E", "CGCS2000_GK_CM_105E");

    @Test
    void theGivenCrsWinsAndABlankOneIsNone() {
        assertThat(choose(Optional.of("EPSG:4490"), PRJ_4544, LUOPING, new ArrayList<>()).description()).startsWith("EPSG:4490 ");
        assertThat(choose(Optional.of(" "), PRJ_4544, PROJECTED, new ArrayList<>()).description()).startsWith("EPSG:4544 ");
        assertThat(choose(Optional.empty(), PRJ_4544, PROJECTED, new ArrayList<>()).description()).startsWith("EPSG:4544 ");
    }

    @Test
    void noCrsAnywhereIsLongitudeLatitudeWhenTheNumbersAllowItWithAWarning() {
        List<String> warnings = new ArrayList<>();
        assertThat(choose(Optional.empty(), Optional.empty(), LUOPING, warnings).description()).isEqualTo("EPSG:4326 WGS 84 (assumed)");
        assertThat(warnings).singleElement().asString().startsWith("grids.shp does not say its CRS");
        warnings.clear();
        assertThat(choose(Optional.empty(), Optional.empty(), new Envelope(), warnings).description()).isEqualTo("EPSG:4326 WGS 84 (assumed)");
        assertThat(warnings).hasSize(1);
    }

    /** The whole globe is longitude/latitude, edges included; a hair beyond any edge is not. */
    @Test
    void longitudeLatitudeEndsExactlyAtTheEdgesOfTheGlobe() {
        assertThat(choose(Optional.empty(), Optional.empty(), new Envelope(-180, 180, -90, 90), new ArrayList<>()).description())
                .isEqualTo("EPSG:4326 WGS 84 (assumed)");
        for (Envelope beyond : List.of(new Envelope(-180.001, 0, 0, 1), new Envelope(0, 180.001, 0, 1),
                new Envelope(0, 1, -90.001, 0), new Envelope(0, 1, 0, 90.001))) {
            assertThat(refusal(Optional.empty(), Optional.empty(), beyond)).as(beyond.toString()).contains("look projected");
            assertThat(refusal(Optional.of("EPSG:4490"), Optional.empty(), beyond)).as(beyond.toString()).contains("are not longitude/latitude");
        }
        // Geographic CRSs with data on the globe's edges, or no data at all, are taken.
        assertThat(choose(Optional.of("EPSG:4490"), Optional.empty(), new Envelope(-180, 180, -90, 90), new ArrayList<>()).description())
                .startsWith("EPSG:4490 ");
        assertThat(choose(Optional.of("EPSG:4490"), Optional.empty(), new Envelope(), new ArrayList<>()).description()).startsWith("EPSG:4490 ");
    }

    @Test
    void projectedNumbersWithoutCrsAreRefusedWithTheNumbers() {
        String message = refusal(Optional.empty(), Optional.empty(), PROJECTED);
        assertThat(message).contains("x 430,000 to 437,000, y 2,754,000 to 2,760,000").contains("give crs=EPSG:");
        String geographic = refusal(Optional.empty(), Optional.of(new FileLayer.DeclaredCrs("EPSG:4490", "grids.prj")), PROJECTED);
        assertThat(geographic).contains("said to be in EPSG:4490").contains("x 430,000 to 437,000, y 2,754,000 to 2,760,000");
    }

    @Test
    void zoneNumbersAreCheckedOnTheChosenCrs() {
        assertThat(refusal(Optional.empty(), PRJ_4544, new Envelope(35_430_000, 35_437_000, 2_754_000, 2_760_000)))
                .contains("give crs=EPSG:4523");
    }

    @Test
    void codesUrnsAndWktAreNamedByTheirEpsgCode() {
        assertThat(CrsResolver.resolve("4544", "test").description()).isEqualTo("EPSG:4544 CGCS2000 / 3-degree Gauss-Kruger CM 105E");
        assertThat(CrsResolver.resolve(" EPSG:4544 ", "test").description()).isEqualTo("EPSG:4544 CGCS2000 / 3-degree Gauss-Kruger CM 105E");
        assertThat(CrsResolver.resolve("urn:ogc:def:crs:EPSG::4523", "test").description()).isEqualTo("EPSG:4523 CGCS2000 / 3-degree Gauss-Kruger zone 35");
        // Same numbers, two EPSG CRSs: ESRI's name tells them apart.
        assertThat(CrsResolver.resolve(ESRI_4544, "grids.prj").description()).isEqualTo("EPSG:4544 CGCS2000 / 3-degree Gauss-Kruger CM 105E");
        assertThat(CrsResolver.resolve(ESRI_4507, "grids.prj").description()).isEqualTo("EPSG:4507 CGCS2000 / Gauss-Kruger CM 105E");
        // The same numbers under a name that is neither: named as read.
        assertThat(CrsResolver.resolve(ESRI_4544.replace("CGCS2000_3_Degree_GK_CM_105E", "Luoping local"), "grids.prj").description())
                .isEqualTo("Luoping local");
    }

    @Test
    void unusableCrsTextIsQuotedAbbreviatedPastAHundredAndTwentyCharacters() {
        String exactly120 = "X".repeat(120);
        assertThat(crsRefusal(exactly120)).contains("(" + exactly120 + ")");
        String longer = "X".repeat(121);
        assertThat(crsRefusal(longer)).contains("(" + "X".repeat(117) + "…)").doesNotContain("(" + "X".repeat(118));
    }

    private static String crsRefusal(String text) {
        ProblemException refused = catchThrowableOfType(ProblemException.class, () -> CrsResolver.resolve(text, "the crs parameter"));
        assertThat(refused).isNotNull();
        assertThat(refused.errors()).extracting(error -> error.field()).containsExactly("crs");
        assertThat(refused.getMessage()).startsWith("the CRS in the crs parameter (");
        return refused.getMessage();
    }

    private static CrsResolver.Resolved choose(Optional<String> given, Optional<FileLayer.DeclaredCrs> declared, Envelope extent, List<String> warnings) {
        return SourceCrs.choose(given, declared, extent, "grids.shp", warnings);
    }

    private static String refusal(Optional<String> given, Optional<FileLayer.DeclaredCrs> declared, Envelope extent) {
        ProblemException refused = catchThrowableOfType(ProblemException.class, () -> choose(given, declared, extent, new ArrayList<>()));
        assertThat(refused).as("refusal over " + extent).isNotNull();
        assertThat(refused.errors()).extracting(error -> error.field()).containsExactly("crs");
        return refused.getMessage();
    }
}
