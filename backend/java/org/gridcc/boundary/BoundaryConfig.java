package org.gridcc.boundary;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Limits and tolerances of boundary uploads; see docs/boundaries.md. */
@ConfigMapping(prefix = "gridcc.boundary")
public interface BoundaryConfig {

    /** The largest file accepted (413 beyond). A county's base grids as a Shapefile are a few MB. */
    @WithDefault("64M")
    MemorySize maxUpload();

    /** What a zip may unpack to, counted while unpacking. */
    @WithDefault("512M")
    MemorySize maxUnpacked();

    /** Unpacked bytes per zipped byte beyond which a zip is taken for a zip bomb. */
    @WithDefault("100")
    int maxPackingRatio();

    @WithDefault("64")
    int maxZipEntries();

    /**
     * A feature with more vertices is refused (422, naming it) before it is built. A township's
     * boundary as surveyed has some thousands to tens of thousands; 200,000 leaves room for the most detailed.
     */
    @WithDefault("200000")
    int maxVerticesPerFeature();

    /**
     * A file with more vertices in all is refused (422). Reading holds every vertex (16 bytes
     * each): 5,000,000 is 80 MB, more than a GeoJSON or GeoPackage of max-upload holds; only a
     * zip whose Shapefile deflates well can hold more within max-upload.
     */
    @WithDefault("5000000")
    long maxVertices();

    /** An upload answers with the finished report (201) when checking ends within this; else 202 and the job goes on. */
    @WithDefault("5s")
    Duration answerWithin();

    /** Overlaps, gaps and parts outside the parent larger than this (square metres) are errors; smaller ones warnings. */
    @WithDefault("10")
    double toleranceM2();

    /** Pieces smaller than this (square metres) are float noise of shared edges, not reported. */
    @WithDefault("1")
    double noiseM2();

    /**
     * A grid kept with the same code counts as reshaped only when its outline moved further than
     * this (metres) somewhere: the width of the widest part of the difference between old and new
     * (twice the radius of the largest circle inside it). Reprojection and rounding of coordinates
     * (a Gauss-Krüger Shapefile to the millimetre or centimetre) move edges by far less.
     */
    @WithDefault("0.5")
    double reshapeToleranceM();

    /** A polygon part smaller than this (square metres) is reported as a sliver. */
    @WithDefault("100")
    double sliverM2();

    /** make-valid is offered for an invalid geometry when it changes the area by at most this percentage. */
    @WithDefault("1")
    double repairMaxChangePercent();
}
