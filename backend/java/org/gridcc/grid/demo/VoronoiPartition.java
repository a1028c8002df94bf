package org.gridcc.grid.demo;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;
import org.locationtech.jts.triangulate.VoronoiDiagramBuilder;

/**
 * Splits a polygon into the Voronoi cells of seed points inside it, each clipped to the polygon. This
 * is done in floating precision; {@link ExactCoverage} snaps the finest level to the grid afterwards.
 */
final class VoronoiPartition {

    private VoronoiPartition() {
    }

    /** The cells in the order of the seeds; seeds must be distinct and inside the parent. */
    static List<Geometry> cells(Geometry parent, List<Coordinate> seeds) {
        if (seeds.size() == 1) {
            return List.of(parent);
        }
        Envelope clip = new Envelope(parent.getEnvelopeInternal());
        clip.expandBy(clip.getWidth() + clip.getHeight());
        VoronoiDiagramBuilder builder = new VoronoiDiagramBuilder();
        builder.setSites(seeds);
        builder.setClipEnvelope(clip);
        Geometry diagram = builder.getDiagram(DemoGeometry.FACTORY);
        Map<Coordinate, Geometry> cellOfSeed = new HashMap<>();
        for (int i = 0; i < diagram.getNumGeometries(); i++) {
            Geometry cell = diagram.getGeometryN(i);
            cellOfSeed.put((Coordinate) cell.getUserData(), cell);
        }
        return seeds.stream()
                .map(seed -> (Geometry) DemoGeometry.multiPolygon(
                        OverlayNGRobust.overlay(cellOfSeed.get(seed), parent, OverlayNG.INTERSECTION)))
                .toList();
    }
}
