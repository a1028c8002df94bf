package org.gridcc.grid.demo;

/** Told now and then how far the generator is, so that a loader can log progress. */
@FunctionalInterface
public interface DemoProgress {

    DemoProgress SILENT = (what, done, total) -> { };

    void step(String what, int done, int total);
}
