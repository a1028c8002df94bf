package org.gridcc.grid.demo;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.locationtech.jts.coverage.CoverageUnion;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.operation.overlayng.UnaryUnionNG;
import org.locationtech.jts.operation.polygonize.Polygonizer;

/**
 * Turns floating-precision cells that tile an area into an exact polygonal coverage on the 1-cm grid.
 *
 * <p>Clipping each cell on its own, even on a fixed grid, can snap a shared edge differently on its two
 * sides (a vertex of one cell lies within a centimetre of the edge). Here the boundaries of all cells
 * are snap-rounded together in one noding, so every edge exists once and both neighbours use it; each
 * face of that linework then goes to the cell that holds its interior point, so a sliver face left by
 * floating-point noise is given to a neighbour instead of becoming a gap. Parents are then unions of
 * their children's exact polygons, which keeps the whole hierarchy one consistent coverage.
 */
final class ExactCoverage {

    /** Degrees: how far a face's interior point may be from the cell it is given to. */
    private static final double FACE_REACH = 1e-6;

    private ExactCoverage() {
    }

    /** The exact polygon of each cell, in the order of the cells. */
    static List<MultiPolygon> snap(List<? extends Geometry> cells) {
        List<LineString> boundaries = new ArrayList<>();
        for (Geometry cell : cells) {
            for (int p = 0; p < cell.getNumGeometries(); p++) {
                Polygon polygon = (Polygon) cell.getGeometryN(p);
                boundaries.add(polygon.getExteriorRing());
                for (int h = 0; h < polygon.getNumInteriorRing(); h++) {
                    boundaries.add(polygon.getInteriorRingN(h));
                }
            }
        }
        Geometry noded = UnaryUnionNG.union(
                DemoGeometry.FACTORY.createMultiLineString(boundaries.toArray(LineString[]::new)), DemoGeometry.GRID);
        Polygonizer polygonizer = new Polygonizer();
        polygonizer.add(noded);
        @SuppressWarnings("unchecked")
        Collection<Polygon> faces = polygonizer.getPolygons();

        CellLocator locator = new CellLocator(cells);
        List<List<Polygon>> facesOfCell = new ArrayList<>();
        cells.forEach(cell -> facesOfCell.add(new ArrayList<>()));
        for (Polygon face : faces) {
            int cell = locator.locateOrNearest(face.getInteriorPoint().getCoordinate(), FACE_REACH);
            if (cell < 0) {
                throw new IllegalStateException("A face of the snapped coverage lies in no cell: " + face);
            }
            facesOfCell.get(cell).add(face);
        }
        List<MultiPolygon> exact = new ArrayList<>(cells.size());
        for (int i = 0; i < cells.size(); i++) {
            if (facesOfCell.get(i).isEmpty()) {
                throw new IllegalStateException("Cell " + i + " vanished when snapped to the grid: " + cells.get(i));
            }
            exact.add(union(facesOfCell.get(i)));
        }
        return exact;
    }

    /** The union of polygons that form an exact coverage (they meet only along identical edges). */
    static MultiPolygon union(List<? extends Geometry> coverage) {
        return DemoGeometry.canonical(coverage.size() == 1
                ? coverage.get(0)
                : CoverageUnion.union(coverage.toArray(Geometry[]::new)));
    }
}
