package org.gridcc.bench;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import org.gridcc.grid.GridIndex;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Point to grid lookups in process: builds the service's {@link GridIndex} over the published
 * grid version of a database, warms it up, then looks up random points of a box on several
 * threads and prints one line on stdout: {@code lookups/s p50-ns p99-ns hit-fraction}
 * (everything else goes to stderr). Run by {@code ./bench grids}; not a test.
 *
 * <pre>
 * java -cp ... org.gridcc.bench.GridLookupBench minLon minLat maxLon maxLat [millions] [threads]
 * </pre>
 *
 * The database comes from GRIDCC_BENCH_JDBC_URL, or from GRIDCC_PG_HOST, GRIDCC_PG_PORT and
 * GRIDCC_DB_NAME (default gridcc_bench on the private cluster); the role from GRIDCC_DB_USER
 * and GRIDCC_DB_PASSWORD. The timed run stops early after GRIDCC_BENCH_MAX_SECONDS (15).
 */
public final class GridLookupBench {

    private static final int CHECK_EVERY = 1024;

    public static void main(String[] args) throws Exception {
        if (args.length < 4) {
            System.err.println("usage: GridLookupBench minLon minLat maxLon maxLat [millions of lookups, 4] [threads, 2]");
            System.exit(2);
        }
        double minLon = Double.parseDouble(args[0]), minLat = Double.parseDouble(args[1]);
        double maxLon = Double.parseDouble(args[2]), maxLat = Double.parseDouble(args[3]);
        long total = Math.round((args.length > 4 ? Double.parseDouble(args[4]) : 4) * 1_000_000);
        int threads = args.length > 5 ? Integer.parseInt(args[5]) : 2;
        long maxNanos = (long) (Double.parseDouble(env("GRIDCC_BENCH_MAX_SECONDS", "15")) * 1e9);

        var db = new PGSimpleDataSource();
        db.setUrl(env("GRIDCC_BENCH_JDBC_URL", "jdbc:postgresql://%s:%s/%s?currentSchema=gridcc,public".formatted(
                env("GRIDCC_PG_HOST", "127.0.0.1"), env("GRIDCC_PG_PORT", "55432"), env("GRIDCC_DB_NAME", "gridcc_bench"))));
        db.setUser(env("GRIDCC_DB_USER", "gridcc"));
        db.setPassword(env("GRIDCC_DB_PASSWORD", "gridcc"));

        long started = System.nanoTime();
        var index = new GridIndex(db);
        index.rebuild();
        if (index.version() == 0) throw new IllegalStateException("no grid version is published in " + db.getUrl());
        System.err.printf("GridLookupBench: index of version %d built in %d ms%n", index.version(),
                (System.nanoTime() - started) / 1_000_000);

        // The points are made before the clock starts, so that only lookups are timed.
        int perThread = (int) (total / threads);
        double[][] points = new double[threads][];
        for (int t = 0; t < threads; t++) {
            var random = new SplittableRandom(42 + t);
            double[] xy = points[t] = new double[2 * perThread];
            for (int i = 0; i < perThread; i++) {
                xy[2 * i] = minLon + random.nextDouble() * (maxLon - minLon);
                xy[2 * i + 1] = minLat + random.nextDouble() * (maxLat - minLat);
            }
        }

        // Warm-up: the same work on the same threads for a few seconds, so that the JIT is done.
        run(index, points, Math.min(perThread, 500_000), 3_000_000_000L, null);
        long[][] latencies = new long[threads][perThread];
        Result r = run(index, points, perThread, maxNanos, latencies);

        long[] all = new long[Math.toIntExact(r.lookups())];
        int at = 0;
        for (int t = 0; t < threads; t++) {
            System.arraycopy(latencies[t], 0, all, at, r.done()[t]);
            at += r.done()[t];
        }
        Arrays.sort(all);
        double perSecond = r.lookups() / (r.nanos() / 1e9);
        double hits = (double) r.hits() / r.lookups();
        System.err.printf("GridLookupBench: %,d lookups on %d threads in %.2f s: %,.0f/s, p50 %d ns, p99 %d ns, %.1f %% inside a grid%n",
                r.lookups(), threads, r.nanos() / 1e9, perSecond, percentile(all, 0.50), percentile(all, 0.99), 100 * hits);
        if (r.hits() == 0) throw new IllegalStateException("no point fell in a grid: is the box the county's?");
        System.out.printf("%.0f %d %d %.4f%n", perSecond, percentile(all, 0.50), percentile(all, 0.99), hits);
    }

    private record Result(long lookups, long hits, long nanos, int[] done) {}

    /** Each thread looks up its own points; latencies (per lookup, ns) are kept when asked. */
    private static Result run(GridIndex index, double[][] points, int perThread, long maxNanos, long[][] latencies)
            throws InterruptedException {
        int threads = points.length;
        int[] done = new int[threads];
        long[] hits = new long[threads];
        var ready = new CountDownLatch(threads);
        var go = new CountDownLatch(1);
        var finished = new CountDownLatch(threads);
        long[] startedAt = new long[1];
        for (int t = 0; t < threads; t++) {
            int thread = t;
            var worker = new Thread(() -> {
                double[] xy = points[thread];
                long[] took = latencies == null ? null : latencies[thread];
                ready.countDown();
                try {
                    go.await();
                } catch (InterruptedException e) {
                    return;
                }
                long deadline = startedAt[0] + maxNanos;
                long found = 0;
                int i = 0;
                for (; i < perThread; i++) {
                    if (took != null) {
                        long before = System.nanoTime();
                        if (index.locate(xy[2 * i], xy[2 * i + 1]).isPresent()) found++;
                        took[i] = System.nanoTime() - before;
                    } else if (index.locate(xy[2 * i], xy[2 * i + 1]).isPresent()) {
                        found++;
                    }
                    if (i % CHECK_EVERY == 0 && System.nanoTime() > deadline) break;
                }
                done[thread] = Math.min(i + 1, perThread);
                hits[thread] = found;
                finished.countDown();
            }, "lookup-" + t);
            worker.start();
        }
        ready.await();
        startedAt[0] = System.nanoTime();
        go.countDown();
        finished.await();
        long nanos = System.nanoTime() - startedAt[0];
        return new Result(Arrays.stream(done).asLongStream().sum(), Arrays.stream(hits).sum(), nanos, done);
    }

    private static long percentile(long[] sorted, double p) {
        if (sorted.length == 0) return 0;
        int rank = (int) Math.ceil(p * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }

    private static String env(String name, String otherwise) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? otherwise : value;
    }
}
