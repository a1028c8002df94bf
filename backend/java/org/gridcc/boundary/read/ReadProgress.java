package org.gridcc.boundary.read;

/**
 * Told how many features are read so far, at least every {@value #EVERY} features and at the end.
 * total is 0 while it is not known yet (a GeoJSON file is counted as it is read).
 */
@FunctionalInterface
public interface ReadProgress {

    int EVERY = 500;

    void read(int done, int total);

    /** Reports {@code done} when it is a multiple of {@link #EVERY} or the last one. */
    default void step(int done, int total) {
        if (done % EVERY == 0 || done == total) read(done, total);
    }
}
