package org.gridcc.cases.open311;

import java.util.Arrays;

/** The formats Open311 answers in, chosen by the suffix of the resource (services.xml, services.json). */
enum Open311Format {
    XML("xml", "text/xml; charset=utf-8"),
    JSON("json", "application/json; charset=utf-8");

    private final String suffix;
    private final String mediaType;

    Open311Format(String suffix, String mediaType) {
        this.suffix = suffix;
        this.mediaType = mediaType;
    }

    static Open311Format of(String suffix) {
        return Arrays.stream(values()).filter(f -> f.suffix.equals(suffix)).findFirst().orElseThrow(() ->
                Open311Exception.notFound("There is no format \"%s\" here; ask for .xml or .json.".formatted(suffix)));
    }

    /** The format an error is told in: the one the path asks for, else XML, the format the spec requires of every client. */
    static Open311Format ofPath(String path) {
        return path.endsWith("." + JSON.suffix) ? JSON : XML;
    }

    String suffix() {
        return suffix;
    }

    String mediaType() {
        return mediaType;
    }
}
