package org.gridcc.grid.demo;

import org.gridcc.grid.NewGrid;
import static java.util.stream.Collectors.counting;
import static java.util.stream.Collectors.groupingBy;
import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.util.Map;
import org.gridcc.grid.GridLevel;
import org.junit.jupiter.api.Test;

/** Luoping at its real scale, once: only the counts are checked; the time and memory are printed. */
class LuopingFullScaleTests {

    @Test
    void luopingAtFullScaleHasItsPublishedCounts() {
        CountyOutline luoping = CountyOutlines.load("530324");
        var threads = ManagementFactory.getThreadMXBean();
        long cpuBefore = threads.getCurrentThreadCpuTime();
        long wallBefore = System.nanoTime();

        DemoGrid demo = new DemoGridGenerator(2026, DemoProgress.SILENT).generate(luoping, DemoScale.LUOPING);

        double wall = (System.nanoTime() - wallBefore) / 1e9;
        double cpu = (threads.getCurrentThreadCpuTime() - cpuBefore) / 1e9;
        Runtime runtime = Runtime.getRuntime();
        System.out.printf("Luoping demo grid: %d grids, %d households in %.1f s (%.1f s CPU), heap in use %d MB%n",
                demo.grids().size(), demo.households().size(), wall, cpu, (runtime.totalMemory() - runtime.freeMemory()) >> 20);
        Map<GridLevel, Long> counts = demo.grids().stream().collect(groupingBy(NewGrid::level, counting()));
        assertThat(counts).containsExactlyInAnyOrderEntriesOf(Map.of(GridLevel.COUNTY, 1L, GridLevel.TOWNSHIP, 13L,
                GridLevel.VILLAGE, 162L, GridLevel.GROUP, 2703L, GridLevel.BASE, 8057L, GridLevel.SPECIAL, 487L));
        assertThat(demo.households()).hasSize(150_458);
    }
}
