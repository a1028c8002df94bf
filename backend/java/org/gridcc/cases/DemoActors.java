package org.gridcc.cases;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.gridcc.grid.demo.ChineseNames;

/** Who acts in a demo month: the centre's officers on duty, one officer of each unit, grid workers taking cases in. */
final class DemoActors {

    private final List<String> centre = new ArrayList<>();
    private final Map<String, String> units = new HashMap<>();

    DemoActors(Random random) {
        for (int n = 1; n <= 6; n++) centre.add("%s%s (demo-centre-%d)".formatted(ChineseNames.person(random), ChineseNames.DEMO_MARK, n));
    }

    String centre(Random random) {
        return centre.get(random.nextInt(centre.size()));
    }

    String unit(String unitCode, Random random) {
        return units.computeIfAbsent(unitCode, code -> "%s%s (demo-unit-%s)".formatted(ChineseNames.person(random), ChineseNames.DEMO_MARK, code));
    }

    String worker(String gridCode, Random random) {
        return units.computeIfAbsent("grid:" + gridCode,
                code -> "%s%s (demo-worker-%s)".formatted(ChineseNames.person(random), ChineseNames.DEMO_MARK, gridCode));
    }
}
