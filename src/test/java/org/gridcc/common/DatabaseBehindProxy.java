package org.gridcc.common;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * The test cluster reached through a {@link CuttableProxy}, so that a test can take the database
 * away from the service (and give it back) without stopping the cluster the other tests share.
 * Both pools give up waiting for a connection after 2 s, so that a test sees it soon.
 */
public class DatabaseBehindProxy implements QuarkusTestResourceLifecycleManager {

    static final int ACQUISITION_TIMEOUT_SECONDS = 2;
    private static volatile CuttableProxy proxy;

    /** The proxy in front of PostgreSQL of the running test. */
    static CuttableProxy proxy() {
        return proxy;
    }

    @Override
    public Map<String, String> start() {
        try {
            proxy = new CuttableProxy(Integer.parseInt(System.getenv().getOrDefault("GRIDCC_PG_PORT", "55432")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String timeout = ACQUISITION_TIMEOUT_SECONDS + "s";
        return Map.of("gridcc.db.port", String.valueOf(proxy.port()),
                "gridcc.db.acquisition-timeout", timeout,
                "quarkus.datasource.jdbc.acquisition-timeout", timeout,
                "gridcc.audit.retry-every", "1s");
    }

    @Override
    public void stop() {
        try {
            proxy.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
