package org.gridcc.grid;

import java.util.ArrayList;
import java.util.List;
import org.gridcc.common.Problem.FieldError;
import org.gridcc.common.ProblemException;
import org.gridcc.common.ProblemType;

/** A point in decimal degrees (WGS 84 / CGCS2000), parsed from what a client typed. */
public record LonLat(double lon, double lat) {

    /** China's extent, loosely: enough to tell a latitude from a longitude. */
    private static final double CHINA_MIN_LON = 73, CHINA_MAX_LON = 136, CHINA_MIN_LAT = 3, CHINA_MAX_LAT = 54;

    public static LonLat parse(String lon, String lat) {
        return parse(lon, lat, "");
    }

    /** {@code prefix} names where the point sits in a body, e.g. {@code location.}. */
    public static LonLat parse(String lon, String lat, String prefix) {
        var errors = new ArrayList<FieldError>();
        Double x = number(prefix + "lon", lon, "longitude", "104.3", errors);
        Double y = number(prefix + "lat", lat, "latitude", "24.9", errors);
        if (!errors.isEmpty()) throw invalid("Give the point as lon and lat in decimal degrees, e.g. lon=104.3&lat=24.9.", errors);
        if (looksSwapped(x, y)) {
            throw invalid("Latitude and longitude look swapped: lon=%s is a latitude and lat=%s a longitude. Send lon=%s&lat=%s."
                    .formatted(lon.trim(), lat.trim(), lat.trim(), lon.trim()),
                    List.of(new FieldError(prefix + "lon", "looks like a latitude"), new FieldError(prefix + "lat", "looks like a longitude")));
        }
        if (x < -180 || x > 180) errors.add(new FieldError(prefix + "lon", "%s is out of range: a longitude is between -180 and 180".formatted(lon.trim())));
        if (y < -90 || y > 90) errors.add(new FieldError(prefix + "lat", "%s is out of range: a latitude is between -90 and 90".formatted(lat.trim())));
        if (!errors.isEmpty()) throw invalid("The point is not on the earth.", errors);
        return new LonLat(x, y);
    }

    /** Whether a point read as lon, lat lies in China only when read the other way round. */
    static boolean swappedInChina(double lon, double lat) {
        return lat >= CHINA_MIN_LON && lat <= CHINA_MAX_LON && lon >= CHINA_MIN_LAT && lon <= CHINA_MAX_LAT;
    }

    private static boolean looksSwapped(double lon, double lat) {
        boolean inChinaSwapped = swappedInChina(lon, lat);
        boolean onlyWorksSwapped = Math.abs(lat) > 90 && Math.abs(lat) <= 180 && Math.abs(lon) <= 90;
        return inChinaSwapped || onlyWorksSwapped;
    }

    private static Double number(String field, String text, String what, String example, List<FieldError> errors) {
        if (text == null || text.isBlank()) {
            errors.add(new FieldError(field, "give the %s in decimal degrees, e.g. %s=%s".formatted(what, field, example)));
            return null;
        }
        try {
            double value = Double.parseDouble(text.trim());
            if (Double.isFinite(value)) return value;
            errors.add(new FieldError(field, "%s is not a coordinate; give the %s in decimal degrees".formatted(text.trim(), what)));
        } catch (NumberFormatException e) {
            errors.add(new FieldError(field, "\"%s\" is not a number; give the %s in decimal degrees, e.g. %s=%s"
                    .formatted(text.trim(), what, field, example)));
        }
        return null;
    }

    private static ProblemException invalid(String detail, List<FieldError> errors) {
        return new ProblemException(ProblemType.INVALID_INPUT, detail, errors);
    }
}
