package org.gridcc.access;

import io.quarkus.runtime.StartupEvent;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.Map;
import org.gridcc.access.AuditTrail.Outcome;

/**
 * Makes the first admin ({@code admin}) when there is no admin yet: with the password of
 * {@code GRIDCC_ADMIN_PASSWORD}, or a generated one printed once on the console (never logged
 * again: only its bcrypt hash is kept).
 */
@ApplicationScoped
public class FirstAdmin {

    public static final String USERNAME = "admin";

    void onStart(@Observes @Priority(10) StartupEvent start, Pool pool, Passwords passwords, AccessConfig config, AuditTrail audit) {
        boolean any = pool.preparedQuery("SELECT 1 FROM app_user WHERE role = 'admin'").execute()
                .map(rows -> rows.size() > 0).await().atMost(Duration.ofSeconds(30));
        if (any) return;
        String password = config.adminPassword().filter(p -> !p.isBlank()).orElseGet(Secrets::newPassword);
        Passwords.weakness(password).ifPresent(w -> {
            throw new IllegalStateException("GRIDCC_ADMIN_PASSWORD is too weak: " + w);
        });
        String hash = passwords.hash(password).await().atMost(Duration.ofSeconds(30));
        pool.preparedQuery("""
                        INSERT INTO app_user (username, display_name, role, password_hash) VALUES ($1, '系统管理员', 'admin', $2)
                        ON CONFLICT (username) DO NOTHING""")
                .execute(Tuple.of(USERNAME, hash))
                .chain(() -> audit.record("system", null, "user.create", USERNAME, Outcome.OK, null, Map.of("role", "admin")))
                .await().atMost(Duration.ofSeconds(30));
        if (config.adminPassword().isEmpty()) {
            // On the console once, on purpose: the only way to learn a generated password.
            System.out.printf("%n=== gridcc: first admin made. User: %s  Password: %s  (shown once; change it at /api/users/admin) ===%n%n",
                    USERNAME, password);
        }
    }
}
