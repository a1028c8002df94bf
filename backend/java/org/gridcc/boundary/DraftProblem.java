package org.gridcc.boundary;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One finding of a draft's checks. {@code check} is its stable kind (the pages name it in their
 * language); {@code feature} is the 1-based position in the file (absent for findings about
 * grids kept from the published version); {@code other} the other grid it is about (the grid
 * overlapped, the parent reached out of); {@code at} a point on the problem for the map;
 * {@code areaM2} the size of an overlap, gap or part outside; {@code repair} what make-valid would
 * change, when a repair is offered; {@code shape} the problem's own area as GeoJSON (an overlap,
 * a gap, a part outside), kept apart from the report (DraftStore) and served with the export.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DraftProblem(Severity severity, String check, Integer feature, String code, String other, String message,
                           double[] at, Double areaM2, Repair repair, @JsonIgnore String shape) {

    public enum Severity {
        error, warning
    }

    /** make-valid's result changes the area by this much; offered only below the configured percentage. */
    public record Repair(double areaChangeM2, double areaChangePercent) {}

    public static DraftProblem error(String check, Integer feature, String code, String message) {
        return new DraftProblem(Severity.error, check, feature, code, null, message, null, null, null, null);
    }

    public static DraftProblem warning(String check, Integer feature, String code, String message) {
        return new DraftProblem(Severity.warning, check, feature, code, null, message, null, null, null, null);
    }

    public DraftProblem at(double lon, double lat) {
        return new DraftProblem(severity, check, feature, code, other, message, new double[] {lon, lat}, areaM2, repair, shape);
    }

    /** The size of the problem, to a tenth of a square metre. */
    public DraftProblem area(double m2) {
        return new DraftProblem(severity, check, feature, code, other, message, at, Math.round(m2 * 10) / 10.0, repair, shape);
    }

    public DraftProblem repair(Repair offer) {
        return new DraftProblem(severity, check, feature, code, other, message, at, areaM2, offer, shape);
    }

    public DraftProblem other(String grid) {
        return new DraftProblem(severity, check, feature, code, grid, message, at, areaM2, repair, shape);
    }

    public DraftProblem shape(String geoJson) {
        return new DraftProblem(severity, check, feature, code, other, message, at, areaM2, repair, geoJson);
    }

    @JsonIgnore
    public boolean isError() {
        return severity == Severity.error;
    }
}
