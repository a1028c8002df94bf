package org.gridcc.boundary.read;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;

/**
 * Reads uploads one after the other with the service's default limits, as the job does, and
 * prints per file: name, format, features, vertices. Started by {@link UploadsAtTheSizeLimitTests}
 * in a JVM of its own with the service's heap; running out of it ends this with an error.
 */
public final class ReadInOwnJvm {

    private ReadInOwnJvm() {}

    public static void main(String[] files) {
        for (String name : files) {
            Path file = Path.of(name);
            SourceFile read = BoundaryFiles.read(file, file.getFileName().toString(), ReadOptions.none(), DefaultLimits.upload(), (done, total) -> { });
            long vertices = read.features().stream().mapToLong(feature -> feature.geometry() == null ? 0 : feature.geometry().getNumPoints()).sum();
            System.out.println(file.getFileName() + " " + read.format() + " " + read.features().size() + " " + vertices);
        }
        long peak = ManagementFactory.getMemoryPoolMXBeans().stream().filter(pool -> pool.getType() == MemoryType.HEAP)
                .map(MemoryPoolMXBean::getPeakUsage).mapToLong(usage -> usage.getUsed()).sum();
        System.out.println("peak heap pools used: " + (peak >> 20) + " MB of " + (Runtime.getRuntime().maxMemory() >> 20) + " MB");
    }
}
