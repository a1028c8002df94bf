package org.gridcc.grid.demo;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.gridcc.grid.GridLevel;

/**
 * Gives grids their unified codes (统一编码), kinds and names. Children are numbered west to east,
 * north to south by their seed point. Townships follow GB/T 10114: streets (街道) 001-099, towns (镇)
 * 100-199, townships (乡) 200-399; the densest are streets, the next densest towns.
 */
final class GridLabels {

    /** Serials of streets, towns and townships (GB/T 10114): a county has at most as many townships as their sum. */
    private static final int STREETS = 99, TOWNS = 100, RURAL_TOWNSHIPS = 200;
    static final int MAX_TOWNSHIPS = STREETS + TOWNS + RURAL_TOWNSHIPS;
    /** One township in this many becomes a street (街道), as the county seat's surroundings usually are. */
    private static final int TOWNSHIPS_PER_STREET = 6;
    /** The share of the remaining townships that are towns (镇) rather than townships (乡). */
    private static final double TOWN_SHARE = 0.65;

    private final Random random;

    GridLabels(Random random) {
        this.random = random;
    }

    void labelGeographic(GridNode county, String countyCode, String countyName) {
        county.code = countyCode;
        county.name = countyName;
        ChineseNames.PlaceNames townshipNames = new ChineseNames.PlaceNames(random);
        List<GridNode> byDensity = new ArrayList<>(county.children);
        byDensity.sort(Comparator.comparingDouble((GridNode t) -> -households(t) / t.shape.getArea()));
        // A city's worth of townships (./bench scale) fills the streets' and towns' serials: the rest are 乡.
        int streets = Math.min(byDensity.size() / TOWNSHIPS_PER_STREET, STREETS);
        int towns = Math.min((int) Math.round((byDensity.size() - streets) * TOWN_SHARE), TOWNS);
        numberTownships(byDensity.subList(0, streets), "街道", 1, STREETS);
        numberTownships(byDensity.subList(streets, streets + towns), "镇", STREETS + 1, STREETS + TOWNS);
        numberTownships(byDensity.subList(streets + towns, byDensity.size()), "乡", STREETS + TOWNS + 1, MAX_TOWNSHIPS);
        county.children.sort(Comparator.comparing((GridNode t) -> t.code));
        for (GridNode township : county.children) {
            township.properName = townshipNames.next();
            township.name = township.properName + township.kind + ChineseNames.DEMO_MARK;
            labelVillages(township);
        }
    }

    /** Codes the special grids of a village 901, 902, ... west to east, north to south, once they are placed. */
    void labelSpecials(GridNode village) {
        int serial = GridLevel.FIRST_SPECIAL_SERIAL;
        for (GridNode special : westToEastNorthToSouth(village.specials)) {
            special.code = childCode(village, serial++);
        }
    }

    /** An invented name for a grid's head (网格长). */
    String head() {
        return ChineseNames.person(random);
    }

    /**
     * How many grid workers a grid has: a base grid 1 to 3, mostly 1 (Luoping has 8,921 workers for
     * 8,057 base grids); each level above a small staff of its own, not the sum of its children.
     */
    int workers(GridLevel level) {
        return switch (level) {
            case COUNTY -> 8 + random.nextInt(5);
            case TOWNSHIP -> 4 + random.nextInt(5);
            case VILLAGE -> 2 + random.nextInt(3);
            case GROUP, SPECIAL -> 1 + random.nextInt(2);
            case BASE -> {
                int draw = random.nextInt(100);
                yield draw < 85 ? 1 : draw < 97 ? 2 : 3;
            }
        };
    }

    private void numberTownships(List<GridNode> townships, String kind, int first, int last) {
        int serial = first;
        for (GridNode township : westToEastNorthToSouth(townships)) {
            if (serial > last) {
                throw new IllegalArgumentException("More than " + (last - first + 1) + " townships of kind " + kind);
            }
            township.kind = kind;
            township.code = childCode(township.parent, serial++);
        }
    }

    private void labelVillages(GridNode township) {
        ChineseNames.PlaceNames villageNames = new ChineseNames.PlaceNames(random);
        GridNode seat = township.children.stream().max(Comparator.comparingInt((GridNode v) -> v.households.size())).orElseThrow();
        numberChildren(township);
        for (GridNode village : township.children) {
            boolean community = township.kind.equals("街道") || (township.kind.equals("镇") && village == seat);
            village.kind = community ? "社区" : "村";
            village.properName = villageNames.next();
            village.name = village.properName + village.kind + ChineseNames.DEMO_MARK;
            numberChildren(village);
            for (GridNode child : village.children) {
                if (child.level == GridLevel.GROUP) {
                    child.name = "第" + child.serial + (community ? "居民小组" : "村民小组");
                    numberChildren(child);
                    child.children.forEach(base -> base.name = "第" + base.serial + "网格");
                } else {
                    child.name = "第" + child.serial + "网格";
                }
            }
        }
    }

    /** Numbers a grid's geographic children 001, 002, ... and sorts its child list by that number. */
    private static void numberChildren(GridNode parent) {
        List<GridNode> ordered = westToEastNorthToSouth(parent.children);
        parent.children.clear();
        parent.children.addAll(ordered);
        int serial = 1;
        for (GridNode child : ordered) {
            child.serial = serial;
            child.code = childCode(parent, serial++);
        }
    }

    private static String childCode(GridNode parent, int serial) {
        if (serial > 999) {
            throw new IllegalArgumentException("Grid " + parent.code + " would get more than 999 children");
        }
        return withSerial(parent.code, serial, 3);
    }

    /** The code with a zero-padded serial appended (String.format is too slow for 650,000 households). */
    static String withSerial(String code, int serial, int digits) {
        String number = Integer.toString(serial);
        return code + "0".repeat(digits - number.length()) + number;
    }

    private static List<GridNode> westToEastNorthToSouth(List<GridNode> grids) {
        List<GridNode> ordered = new ArrayList<>(grids);
        ordered.sort(Comparator.comparing((GridNode g) -> g.seed, DemoGeometry.NORTH_FIRST_THEN_WEST));
        return ordered;
    }

    private static int households(GridNode township) {
        return township.children.stream().mapToInt(v -> v.households.size()).sum();
    }
}
