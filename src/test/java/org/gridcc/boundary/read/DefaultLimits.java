package org.gridcc.boundary.read;

import io.smallrye.config.WithDefault;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gridcc.boundary.BoundaryConfig;

/** The service's defaults, read where they are set: the upload limits in BoundaryConfig, the heap in scripts/lib.sh. */
public final class DefaultLimits {

    private static final Pattern HEAP = Pattern.compile("GRIDCC_JAVA_OPTS=(-Xmx\\d+[kKmMgG])");

    private DefaultLimits() {}

    public static long maxUpload() {
        return bytes(text("maxUpload"));
    }

    static UploadLimits upload() {
        return new UploadLimits(bytes(text("maxUnpacked")), Integer.parseInt(text("maxPackingRatio")), Integer.parseInt(text("maxZipEntries")),
                Integer.parseInt(text("maxVerticesPerFeature")), Long.parseLong(text("maxVertices")));
    }

    /** The -Xmx option ./run gives the service unless GRIDCC_JAVA_OPTS says otherwise. */
    static String heap() throws IOException {
        Matcher option = HEAP.matcher(Files.readString(Path.of("scripts/lib.sh")));
        if (!option.find()) throw new IllegalStateException("scripts/lib.sh sets no default -Xmx in GRIDCC_JAVA_OPTS");
        return option.group(1);
    }

    private static String text(String property) {
        try {
            return BoundaryConfig.class.getMethod(property).getAnnotation(WithDefault.class).value();
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("BoundaryConfig has no " + property, e);
        }
    }

    /** "64M" as Quarkus reads a MemorySize: binary multiples. */
    private static long bytes(String size) {
        String unit = size.substring(size.length() - 1).toUpperCase(Locale.ROOT);
        long number = Long.parseLong(size.substring(0, size.length() - 1));
        return switch (unit) {
            case "K" -> number << 10;
            case "M" -> number << 20;
            case "G" -> number << 30;
            default -> Long.parseLong(size);
        };
    }
}
