package org.gridcc.grid.demo;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.gridcc.grid.GridLevel;
import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.operation.overlayng.OverlayNG;

/**
 * Special grids (专属网格): the grounds of schools, offices, companies and clinics, small (chamfered)
 * rectangles 80 to 400 m across near a settlement, clipped to their village. They form a layer of
 * their own over the base grids; within a village they avoid each other where they can.
 */
final class SpecialGrids {

    /** Schools (学校), offices (机关), companies (企业), clinics (卫生院), by how often they occur. */
    private enum Kind {
        SCHOOL(30), OFFICE(25), COMPANY(30), HEALTH(15);

        final int weight;

        Kind(int weight) {
            this.weight = weight;
        }
    }

    /**
     * About 10 cm: grounds are clipped to the village shrunk by this much, so that snapping the clipped
     * shape to the 1-cm grid can never push an edge out of the village.
     */
    private static final double VILLAGE_SHRINK = 1e-6;
    /** Attempts at a spot that overlaps no other ground of the village before overlaps are accepted. */
    private static final int SEPARATE_ATTEMPTS = 30;
    /** Attempts at a spot that keeps most of the ground inside the village before any part is accepted. */
    private static final int WHOLE_ATTEMPTS = 60;
    private static final String[] PRODUCTS = {"茶叶", "建材", "食品", "油脂", "养殖", "果蔬", "物流", "机械", "制衣",
            "花卉", "药材", "印刷", "粮油", "竹木", "电子", "包装", "塑料", "商贸", "水泥", "农机"};
    private static final String[] COMPANY_FORMS = {"有限公司", "专业合作社", "加工厂"};

    private final Random random;
    private final Set<String> namesGiven = new HashSet<>();
    private int middleSchools;

    SpecialGrids(Random random) {
        this.random = random;
    }

    /** Places {@code count} special grids in a village that has its exact shape, name and code. */
    void place(GridNode village, int count) {
        Geometry shrunk = village.shape.buffer(-VILLAGE_SHRINK);
        IndexedPointInAreaLocator insideShrunk = new IndexedPointInAreaLocator(shrunk);
        double totalWeight = village.settlements.stream().mapToDouble(GridNode.Settlement::weight).sum();
        for (int i = 0; i < count; i++) {
            Kind kind = pickKind();
            String name = name(village, kind);
            for (int attempt = 1; ; attempt++) {
                GridNode.Settlement settlement = SettlementScatter.pick(village.settlements, totalWeight, random);
                Coordinate centre = settlement.pointNear(settlement.spreadMetres() / 2, random);
                if (insideShrunk.locate(centre) != Location.INTERIOR) {
                    continue;
                }
                Polygon ground = ground(centre);
                Geometry clipped = DemoGeometry.canonical(
                        OverlayNG.overlay(ground, shrunk, OverlayNG.INTERSECTION, DemoGeometry.GRID));
                boolean mostlyInside = clipped.getArea() >= 0.3 * ground.getArea();
                boolean apart = village.specials.stream().noneMatch(s -> s.shape.intersects(clipped));
                if (!clipped.isEmpty() && (attempt > WHOLE_ATTEMPTS
                        || mostlyInside && (apart || attempt > SEPARATE_ATTEMPTS))) {
                    new GridNode(GridLevel.SPECIAL, village, centre, clipped).name = name + ChineseNames.DEMO_MARK;
                    break;
                }
            }
        }
    }

    private Kind pickKind() {
        int total = 0;
        for (Kind kind : Kind.values()) {
            total += kind.weight;
        }
        int target = random.nextInt(total);
        for (Kind kind : Kind.values()) {
            target -= kind.weight;
            if (target < 0) {
                return kind;
            }
        }
        throw new AssertionError("weights do not add up");
    }

    /** A name of the kind not yet given in the county; companies when the kind's names are used up. */
    private String name(GridNode village, Kind kind) {
        List<String> candidates = candidates(village, kind);
        candidates.removeAll(namesGiven);
        if (candidates.isEmpty()) {
            candidates = candidates(village, Kind.COMPANY);
            candidates.removeAll(namesGiven);
        }
        if (candidates.isEmpty()) {
            throw new IllegalArgumentException("Too many special grids for village " + village.name);
        }
        String name = candidates.get(random.nextInt(candidates.size()));
        namesGiven.add(name);
        if (name.endsWith("中学")) {
            middleSchools++;
        }
        return name;
    }

    private List<String> candidates(GridNode village, Kind kind) {
        GridNode township = village.parent;
        String place = village.properName + village.kind;
        String town = township.properName + township.kind;
        boolean street = township.kind.equals("街道");
        List<String> names = new ArrayList<>();
        switch (kind) {
            case SCHOOL -> names.addAll(List.of(place + "小学", place + "幼儿园", town + "中心学校",
                    "第" + ChineseNames.numeral(middleSchools + 1) + "中学"));
            case OFFICE -> names.addAll(List.of(place + (village.kind.equals("社区") ? "居民委员会" : "村民委员会"),
                    place + "党群服务中心", town + (street ? "办事处" : "人民政府"), town + "派出所"));
            case HEALTH -> names.addAll(List.of(place + "卫生室", town + (street ? "社区卫生服务中心" : "卫生院")));
            case COMPANY -> {
                for (String product : PRODUCTS) {
                    for (String form : COMPANY_FORMS) {
                        names.add(village.properName + product + form);
                    }
                }
            }
        }
        return names;
    }

    /** A rectangle 80 to 400 m across, its corners cut off half of the time (a rounded look). */
    private Polygon ground(Coordinate centre) {
        double width = 80 + 320 * random.nextDouble();
        double height = Math.max(80, Math.min(400, width * (0.6 + 0.8 * random.nextDouble())));
        double halfX = DemoGeometry.degreesEast(width / 2, centre.y);
        double halfY = DemoGeometry.degreesNorth(height / 2);
        Envelope box = new Envelope(centre.x - halfX, centre.x + halfX, centre.y - halfY, centre.y + halfY);
        if (random.nextBoolean()) {
            return (Polygon) DemoGeometry.FACTORY.toGeometry(box);
        }
        double cut = Math.min(width, height) * (0.1 + 0.15 * random.nextDouble());
        double cutX = DemoGeometry.degreesEast(cut, centre.y);
        double cutY = DemoGeometry.degreesNorth(cut);
        double x0 = box.getMinX();
        double x1 = box.getMaxX();
        double y0 = box.getMinY();
        double y1 = box.getMaxY();
        return DemoGeometry.FACTORY.createPolygon(new Coordinate[] {
            new Coordinate(x0 + cutX, y0), new Coordinate(x1 - cutX, y0), new Coordinate(x1, y0 + cutY),
            new Coordinate(x1, y1 - cutY), new Coordinate(x1 - cutX, y1), new Coordinate(x0 + cutX, y1),
            new Coordinate(x0, y1 - cutY), new Coordinate(x0, y0 + cutY), new Coordinate(x0 + cutX, y0)});
    }
}
