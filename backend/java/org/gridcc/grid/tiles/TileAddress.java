package org.gridcc.grid.tiles;

import java.util.ArrayList;
import java.util.List;
import org.gridcc.common.Problem.FieldError;
import org.gridcc.common.ProblemException;
import org.gridcc.common.ProblemType;

/** z/x/y of a Web Mercator tile (the XYZ scheme MapLibre asks for). */
public record TileAddress(int z, int x, int y) {

    public static final int MAX_ZOOM = 22;

    public static TileAddress parse(String z, String x, String y) {
        var errors = new ArrayList<FieldError>();
        Integer zoom = integer("z", z, errors);
        Integer column = integer("x", x, errors);
        Integer row = integer("y", y, errors);
        if (zoom != null && (zoom < 0 || zoom > MAX_ZOOM)) {
            errors.add(new FieldError("z", "%d is out of range: zoom is 0 to %d".formatted(zoom, MAX_ZOOM)));
        } else if (zoom != null) {
            int last = (1 << zoom) - 1;
            if (column != null && (column < 0 || column > last)) {
                errors.add(new FieldError("x", "%d is out of range: at zoom %d, x is 0 to %d".formatted(column, zoom, last)));
            }
            if (row != null && (row < 0 || row > last)) {
                errors.add(new FieldError("y", "%d is out of range: at zoom %d, y is 0 to %d".formatted(row, zoom, last)));
            }
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(ProblemType.INVALID_INPUT, "No such tile: ask for /tiles/grids/{z}/{x}/{y}.mvt.", errors);
        }
        return new TileAddress(zoom, column, row);
    }

    private static Integer integer(String field, String text, List<FieldError> errors) {
        try {
            return Integer.valueOf(text);
        } catch (NumberFormatException e) {
            errors.add(new FieldError(field, "\"%s\" is not a whole number".formatted(text)));
            return null;
        }
    }
}
