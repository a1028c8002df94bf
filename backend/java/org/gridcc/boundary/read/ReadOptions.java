package org.gridcc.boundary.read;

import java.util.Optional;

/** Caller's choices; every member may be empty. */
public record ReadOptions(Optional<String> encoding, Optional<String> crs, Optional<String> layer) {

    public static ReadOptions none() {
        return new ReadOptions(Optional.empty(), Optional.empty(), Optional.empty());
    }
}
