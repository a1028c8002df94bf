package org.gridcc.grid.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.gridcc.grid.GridLevel;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;

/** A grid while it is being generated: its shape is refined from floating cells to the exact coverage. */
final class GridNode {

    final GridLevel level;
    final GridNode parent;
    /** The Voronoi seed (or, for a special grid, the centre); codes are numbered by it. */
    final Coordinate seed;
    Geometry shape;
    final List<GridNode> children = new ArrayList<>();
    /** Special grids, for villages. */
    final List<GridNode> specials = new ArrayList<>();
    /** The households drawn in this village or located in this group, while seeds are picked among them. */
    final List<Coordinate> households = new ArrayList<>();
    /** The settlements of a village. */
    final List<Settlement> settlements = new ArrayList<>();

    String code;
    /** The invented proper name alone (青山), for townships and villages; it goes into addresses too. */
    String properName;
    /** What kind of place it is: 街道/镇/乡 for townships, 村/社区 for villages. */
    String kind;
    String name;
    int serial;

    GridNode(GridLevel level, GridNode parent, Coordinate seed, Geometry shape) {
        this.level = level;
        this.parent = parent;
        this.seed = seed;
        this.shape = shape;
        if (parent != null) {
            (level == GridLevel.SPECIAL ? parent.specials : parent.children).add(this);
        }
    }

    /** A settlement (自然村, 集镇) of a village: households cluster round its centre. */
    record Settlement(Coordinate centre, double weight, double spreadMetres) {

        /** A point on the grid scattered round the centre, Gaussian with the given spread. */
        Coordinate pointNear(double spread, Random random) {
            return DemoGeometry.onGrid(centre.x + DemoGeometry.degreesEast(spread * random.nextGaussian(), centre.y),
                    centre.y + DemoGeometry.degreesNorth(spread * random.nextGaussian()));
        }
    }
}
