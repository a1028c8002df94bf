package org.gridcc.cases;

import io.quarkus.runtime.StartupEvent;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Writes the SQL side of {@link CaseStatus} at every start, before anything reads cases: the
 * functions {@code case_phase(status)} and {@code case_open(status)} that views and queries use.
 * The migration that made them left a placeholder; the enum is the one definition.
 */
@ApplicationScoped
public class CaseStatusSql {

    private static final long LOCK = 0x67726964_63630002L;

    /** Before the demo data, the grid index and the live state. */
    public static final int STARTUP_PRIORITY = 5;

    void onStart(@Observes @Priority(STARTUP_PRIORITY) StartupEvent start, Pool pool) {
        pool.query(definition()).execute().await().atMost(Duration.ofSeconds(30));
    }

    /** Both functions are plain SQL and immutable, so the planner inlines them into each query. */
    static String definition() {
        String cases = Arrays.stream(CaseStatus.values())
                .map(s -> "WHEN '%s' THEN '%s'".formatted(s.code(), s.phase().code()))
                .collect(Collectors.joining(" "));
        // One transaction (a simple query's statements share one) under a lock: nodes starting together take turns.
        return """
                SELECT pg_advisory_xact_lock(%d);
                CREATE OR REPLACE FUNCTION case_phase(status text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE
                    AS $$ SELECT CASE status %s END $$;
                CREATE OR REPLACE FUNCTION case_open(status text) RETURNS boolean LANGUAGE sql IMMUTABLE PARALLEL SAFE
                    AS $$ SELECT case_phase(status) <> '%s' $$;
                """.formatted(LOCK, cases, CaseStatus.Phase.CLOSED.code());
    }
}
