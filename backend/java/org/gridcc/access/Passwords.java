package org.gridcc.access;

import io.quarkus.elytron.security.common.BcryptUtil;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** bcrypt hashes of passwords, worked out on worker threads (each costs ~0.1 s of CPU), and the password rule. */
@ApplicationScoped
public class Passwords {

    private final Vertx vertx;
    private final AccessConfig config;
    /**
     * Compared against when the user does not exist, so that a wrong name takes as long as a wrong
     * password. Made on a worker thread at first need: a bcrypt hash must not hold an event loop.
     */
    private volatile String decoy;

    public Passwords(Vertx vertx, AccessConfig config) {
        this.vertx = vertx;
        this.config = config;
    }

    public Uni<String> hash(String password) {
        return vertx.executeBlocking(() -> BcryptUtil.bcryptHash(password, config.bcryptCost()), false);
    }

    /** Whether the password matches the hash; a missing hash (a wall, a client system) matches nothing. */
    public Uni<Boolean> matches(String password, String hash) {
        return vertx.executeBlocking(() -> BcryptUtil.matches(password, hash == null ? decoy() : hash) && hash != null, false);
    }

    private String decoy() {
        if (decoy == null) decoy = BcryptUtil.bcryptHash(Secrets.newToken(), config.bcryptCost());
        return decoy;
    }

    /** What is wrong with a new password, if anything (等保: long enough, letters and digits; bcrypt reads 72 bytes). */
    public static Optional<String> weakness(String password) {
        if (password == null || password.length() < 10) return Optional.of("a password has at least 10 characters");
        if (password.getBytes(StandardCharsets.UTF_8).length > 72) return Optional.of("a password has at most 72 bytes");
        if (!password.chars().anyMatch(Character::isLetter) || !password.chars().anyMatch(Character::isDigit)) {
            return Optional.of("a password mixes letters and digits");
        }
        return Optional.empty();
    }
}
