package org.gridcc.boundary.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.sis.referencing.CRS;
import org.apache.sis.referencing.CommonCRS;
import org.apache.sis.referencing.crs.AbstractCRS;
import org.apache.sis.referencing.cs.AxesConvention;
import org.gridcc.common.ProblemException;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;
import org.opengis.referencing.crs.CoordinateReferenceSystem;
import org.opengis.referencing.crs.ProjectedCRS;

/**
 * Zone numbers in eastings, checked against the EPSG dataset (not against the code's own
 * arithmetic): every CRS the check suggests is looked up in EPSG and must have the central
 * meridian of the zone — 3n for 3-degree zone n, 6n − 3 for 6-degree zone n (GB/T 17798) —
 * and the false easting with (n × 1 000 000 + 500 000) or without (500 000) the zone number.
 */
class GaussKrugerZoneTests {

    private static final Pattern SUGGESTED = Pattern.compile("give crs=EPSG:(\\d+) ");

    @Test
    void everyThreeDegreeZoneInEastingsIsNamedWithItsZonedCrs() throws Exception {
        CrsResolver.Resolved unzoned = resolved("EPSG:4544"); // CGCS2000 3-degree CM 105E, false easting 500 000
        for (int zone = 25; zone <= 45; zone++) {
            double easting = zone * 1_000_000.0 + 480_000;
            String message = refusal(unzoned, new Envelope(easting, easting + 40_000, 2_700_000, 2_760_000));
            assertThat(message).contains("start with zone " + zone + ";");
            ProjectedCRS suggested = suggested(message);
            assertThat(suggested.getName().getCode()).as(message).isEqualTo("CGCS2000 / 3-degree Gauss-Kruger zone " + zone);
            assertThat(centralMeridian(suggested)).isEqualTo(3.0 * zone);
            assertThat(falseEasting(suggested)).isEqualTo(zone * 1_000_000.0 + 500_000);
        }
    }

    @Test
    void everySixDegreeZoneInEastingsIsNamedWithItsZonedCrs() throws Exception {
        CrsResolver.Resolved unzoned = resolved("EPSG:4507"); // CGCS2000 6-degree CM 105E
        for (int zone = 13; zone <= 23; zone++) {
            double easting = zone * 1_000_000.0 + 300_000;
            String message = refusal(unzoned, new Envelope(easting, easting + 400_000, 2_700_000, 2_760_000));
            assertThat(message).contains("start with zone " + zone + ";");
            ProjectedCRS suggested = suggested(message);
            assertThat(suggested.getName().getCode()).as(message).isEqualTo("CGCS2000 / Gauss-Kruger zone " + zone);
            assertThat(centralMeridian(suggested)).isEqualTo(6.0 * zone - 3);
            assertThat(falseEasting(suggested)).isEqualTo(zone * 1_000_000.0 + 500_000);
        }
    }

    @Test
    void everyZonedCrsOverEastingsWithoutZoneSuggestsTheSameCentralMeridianWithoutIt() throws Exception {
        Envelope plain = new Envelope(380_000, 620_000, 2_700_000, 2_760_000);
        for (int zone = 25; zone <= 45; zone++) {
            String code = "EPSG:" + (4513 + zone - 25);
            ProjectedCRS zoned = (ProjectedCRS) CRS.forCode(code);
            assertThat(zoned.getName().getCode()).isEqualTo("CGCS2000 / 3-degree Gauss-Kruger zone " + zone); // the premise, from EPSG
            String message = refusal(resolved(code), plain);
            assertThat(message).contains("puts zone " + zone + " in front").contains("CM " + 3 * zone + "E");
            ProjectedCRS suggested = suggested(message);
            assertThat(centralMeridian(suggested)).as(message).isEqualTo(3.0 * zone).isEqualTo(centralMeridian(zoned));
            assertThat(falseEasting(suggested)).isEqualTo(500_000);
            assertThat(suggested.getName().getCode()).isEqualTo("CGCS2000 / 3-degree Gauss-Kruger CM " + 3 * zone + "E");
        }
        for (int zone = 13; zone <= 23; zone++) {
            String code = "EPSG:" + (4491 + zone - 13);
            ProjectedCRS zoned = (ProjectedCRS) CRS.forCode(code);
            assertThat(zoned.getName().getCode()).isEqualTo("CGCS2000 / Gauss-Kruger zone " + zone);
            String message = refusal(resolved(code), plain);
            assertThat(message).contains("puts zone " + zone + " in front").contains("CM " + (6 * zone - 3) + "E");
            ProjectedCRS suggested = suggested(message);
            assertThat(centralMeridian(suggested)).as(message).isEqualTo(6.0 * zone - 3).isEqualTo(centralMeridian(zoned));
            assertThat(falseEasting(suggested)).isEqualTo(500_000);
            assertThat(suggested.getName().getCode()).isEqualTo("CGCS2000 / Gauss-Kruger CM " + (6 * zone - 3) + "E");
        }
    }

    /** Zone numbers that no CGCS2000 Gauss-Kruger CRS has (12, 24, 46) are not taken for one. */
    @Test
    void onlyTheZonesChinaUsesArePlausible() {
        CrsResolver.Resolved unzoned = resolved("EPSG:4544");
        for (int zone : new int[] {12, 24, 46}) {
            double easting = zone * 1_000_000.0 + 480_000;
            assertThatCode(() -> GaussKrugerZone.check(unzoned, new Envelope(easting, easting + 40_000, 2_700_000, 2_760_000)))
                    .as("zone %d", zone).doesNotThrowAnyException();
        }
        // A zoned CRS of an unknown zone (false easting 24 500 000) gets a general suggestion.
        CrsResolver.Resolved zone24 = new CrsResolver.Resolved(transverseMercator(72, 24_500_000, 1.0), "zone 24");
        assertThat(refusal(zone24, new Envelope(380_000, 620_000, 2_700_000, 2_760_000))).contains("EPSG:… of the same projection");
        CrsResolver.Resolved zone12 = new CrsResolver.Resolved(transverseMercator(69, 12_500_000, 1.0), "zone 12");
        assertThat(refusal(zone12, new Envelope(380_000, 620_000, 2_700_000, 2_760_000))).contains("EPSG:… of the same projection");
        CrsResolver.Resolved zone46 = new CrsResolver.Resolved(transverseMercator(138, 46_500_000, 1.0), "zone 46");
        assertThat(refusal(zone46, new Envelope(380_000, 620_000, 2_700_000, 2_760_000))).contains("EPSG:… of the same projection");
    }

    /**
     * The edges of 6-degree zone 18 (102°E and 108°E around CM 105°E) and of 3-degree zone 35
     * (103.5°E and 106.5°E), projected by SIS into the zoned CRS: still the one zone, so data
     * declared without the zone number is refused with the right zone. 101.5°E lies in 3-degree
     * zone 34 (CM 102°E, 100.5°E to 103.5°E) and 104.5°E in zone 35 (CM 105°E).
     */
    @Test
    void dataReachingTheZoneEdgesIsStillOneZone() throws Exception {
        assertZoneOfEdges("EPSG:4496", 102.0, 108.0, "EPSG:4507", 18);
        assertZoneOfEdges("EPSG:4523", 103.5, 106.5, "EPSG:4544", 35);
        assertZoneOfEdges("EPSG:4522", 101.5, 103.5, "EPSG:4543", 34);
        assertZoneOfEdges("EPSG:4523", 103.6, 104.5, "EPSG:4544", 35);
    }

    @Test
    void dataAcrossTwoZoneNumbersIsNotTakenForOneZone() {
        CrsResolver.Resolved unzoned = resolved("EPSG:4544");
        assertThatCode(() -> GaussKrugerZone.check(unzoned, new Envelope(35_999_000, 36_001_000, 2_700_000, 2_760_000)))
                .doesNotThrowAnyException();
    }

    @Test
    void eastingsAtOrBeyondOneMillionAreNotWithoutZone() {
        CrsResolver.Resolved zoned = resolved("EPSG:4523");
        assertThat(refusal(zoned, new Envelope(400_000, 999_999.99, 2_700_000, 2_760_000))).contains("have no zone number; give crs=EPSG:4544");
        assertThatCode(() -> GaussKrugerZone.check(zoned, new Envelope(400_000, 1_000_000, 2_700_000, 2_760_000))).doesNotThrowAnyException();
        // Right data for the CRS: nothing to say.
        assertThatCode(() -> GaussKrugerZone.check(zoned, new Envelope(35_400_000, 35_600_000, 2_700_000, 2_760_000))).doesNotThrowAnyException();
        assertThatCode(() -> GaussKrugerZone.check(resolved("EPSG:4544"), new Envelope(400_000, 600_000, 2_700_000, 2_760_000)))
                .doesNotThrowAnyException();
    }

    @Test
    void theRefusalSaysTheFalseEastingAndTheEastingsAndNamesTheCrsField() {
        ProblemException refused = catchThrowableOfType(ProblemException.class,
                () -> GaussKrugerZone.check(CrsResolver.resolve("EPSG:4544", "the test"), new Envelope(35_400_000, 35_600_000, 2_700_000, 2_760_000)));
        assertThat(refused.errors()).extracting(error -> error.field()).containsExactly("crs");
        assertThat(refused.getMessage()).contains("the CRS EPSG:4544 CGCS2000 / 3-degree Gauss-Kruger CM 105E has").contains("(500,000)").contains("35,400,000 to 35,600,000");
        ProblemException reverse = catchThrowableOfType(ProblemException.class,
                () -> GaussKrugerZone.check(resolved("EPSG:4523"), new Envelope(400_000, 600_000, 2_700_000, 2_760_000)));
        assertThat(reverse.getMessage()).contains("(false easting 35,500,000)").contains("400,000 to 600,000");
    }

    /** Scale factor 0.9996 is UTM, whose eastings never carry a zone number; only scale 1 Transverse Mercator is Gauss-Kruger. */
    @Test
    void utmAndOtherProjectionsAreLeftAlone() {
        Envelope zonedLooking = new Envelope(35_400_000, 35_600_000, 2_700_000, 2_760_000);
        assertThatCode(() -> GaussKrugerZone.check(resolved("EPSG:32648"), zonedLooking)).doesNotThrowAnyException();
        assertThatCode(() -> GaussKrugerZone.check(new CrsResolver.Resolved(transverseMercator(105, 500_000, 0.9996), "TM 0.9996"), zonedLooking))
                .doesNotThrowAnyException();
        // The same Transverse Mercator with scale 1 is Gauss-Kruger and is checked.
        assertThat(refusal(new CrsResolver.Resolved(transverseMercator(105, 500_000, 1.0), "TM 1"), zonedLooking)).contains("zone 35");
        // Web Mercator eastings of Beijing (116.4°E) are about 12 958 000: "zone 12"; of 117.5°E about 13 080 000, "zone 13".
        assertThatCode(() -> GaussKrugerZone.check(resolved("EPSG:3857"), new Envelope(13_070_000, 13_090_000, 4_800_000, 4_900_000)))
                .doesNotThrowAnyException();
        // Longitude/latitude and an empty extent: nothing to check.
        assertThatCode(() -> GaussKrugerZone.check(resolved("EPSG:4490"), new Envelope(104, 105, 24, 25))).doesNotThrowAnyException();
        assertThatCode(() -> GaussKrugerZone.check(resolved("EPSG:4544"), new Envelope())).doesNotThrowAnyException();
    }

    private void assertZoneOfEdges(String zonedCode, double west, double east, String unzonedCode, int zone) throws Exception {
        CoordinateReferenceSystem zoned = AbstractCRS.castOrCopy(CRS.forCode(zonedCode)).forConvention(AxesConvention.RIGHT_HANDED);
        var toZoned = CRS.findOperation(CommonCRS.WGS84.normalizedGeographic(), zoned, null).getMathTransform();
        double[] points = {west, 22.0, west, 26.0, east, 22.0, east, 26.0};
        toZoned.transform(points, 0, points, 0, 4);
        Envelope extent = new Envelope();
        for (int i = 0; i < points.length; i += 2) extent.expandToInclude(points[i], points[i + 1]);
        assertThat(Math.floor(extent.getMinX() / 1e6)).isEqualTo(zone);
        String message = refusal(resolved(unzonedCode), extent);
        assertThat(message).contains("start with zone " + zone + "; give crs=" + zonedCode + " ");
    }

    /** The CRS of an EPSG code, described by its code (CrsResolver's EPSG search for a name is slow and not under test here). */
    private static CrsResolver.Resolved resolved(String code) {
        try {
            return new CrsResolver.Resolved(CRS.forCode(code), code);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static String refusal(CrsResolver.Resolved crs, Envelope extent) {
        ProblemException refused = catchThrowableOfType(ProblemException.class, () -> GaussKrugerZone.check(crs, extent));
        assertThat(refused).as("refusal of %s over %s", crs.description(), extent).isNotNull();
        return refused.getMessage();
    }

    private static ProjectedCRS suggested(String message) throws Exception {
        Matcher code = SUGGESTED.matcher(message);
        assertThat(code.find()).as(message).isTrue();
        return (ProjectedCRS) CRS.forCode("EPSG:" + code.group(1));
    }

    private static double centralMeridian(ProjectedCRS crs) {
        return crs.getConversionFromBase().getParameterValues().parameter("Longitude of natural origin").doubleValue();
    }

    private static double falseEasting(ProjectedCRS crs) {
        return crs.getConversionFromBase().getParameterValues().parameter("False easting").doubleValue();
    }

    private static CoordinateReferenceSystem transverseMercator(double centralMeridian, double falseEasting, double scale) {
        try {
            return CRS.fromWKT("PROJCS[\"test TM\",GEOGCS[\"China Geodetic Coordinate System 2000\",DATUM[\"China_2000\","
                    + "SPHEROID[\"CGCS2000\",6378137,298.257222101]],PRIMEM[\"Greenwich\",0],UNIT[\"degree\",0.0174532925199433]],"
                    + "PROJECTION[\"Transverse_Mercator\"],PARAMETER[\"latitude_of_origin\",0],PARAMETER[\"central_meridian\","
                    + centralMeridian + "],PARAMETER[\"scale_factor\"," + scale + "],PARAMETER[\"false_easting\"," + falseEasting
                    + "],PARAMETER[\"false_northing\",0],UNIT[\"metre\",1]]");
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
