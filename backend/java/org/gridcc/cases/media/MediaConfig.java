package org.gridcc.cases.media;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Limits on the photos sent with a case ({@code gridcc.media.*}); see docs/cases.md. */
@ConfigMapping(prefix = "gridcc.media")
public interface MediaConfig {

    /** Photos one request may carry; more is refused (413), none of them kept. */
    @WithDefault("5")
    int maxPhotos();

    /** Photos a case keeps in all, those added later included (413 beyond). */
    @WithDefault("20")
    int maxPerCase();

    /** The largest photo accepted (413 beyond): a phone's photo is 2 to 4 MB. */
    @WithDefault("5M")
    MemorySize maxPhotoSize();
}
