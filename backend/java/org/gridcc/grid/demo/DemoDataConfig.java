package org.gridcc.grid.demo;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/** What demo data an empty database gets (./run and the tests set it; production does not). */
@ConfigMapping(prefix = "gridcc.demo")
public interface DemoDataConfig {

    /** Division code of the county to generate, e.g. 530324 (罗平县); absent: none. */
    Optional<String> county();

    /** The generator's seed: the same seed gives the same grids and households. */
    @WithDefault("20260530")
    long seed();

    /**
     * How many times over the county is generated: its grids, households and daily cases, in its outline
     * stretched to as many times its area (./bench scale; 1 is the county as published).
     */
    @WithDefault("1")
    int scale();

    /** Days of cases before now that a demo county gets (cases.DemoCases); 0: none, the wall starts empty. */
    @WithDefault("30")
    int caseDays();
}
