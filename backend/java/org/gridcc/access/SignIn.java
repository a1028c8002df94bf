package org.gridcc.access;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import org.gridcc.access.AuditTrail.Outcome;
import org.gridcc.common.PerMinuteCounter;
import org.gridcc.common.ProblemException;
import org.gridcc.common.ProblemMapper;
import org.gridcc.common.ProblemType;
import org.gridcc.common.ServiceClock;

/**
 * Sign-in with user name and password: throttled per address, a user locked after failures in a
 * row, every attempt in the audit trail. A success opens a session: a random token (kept as its
 * hash) for the cookie and a CSRF token for the page.
 */
@ApplicationScoped
public class SignIn {

    /** A new session: the secret for the cookie and who it belongs to. */
    public record Session(String token, Me me, Instant expires) {}

    private static final String WRONG = "The user name or the password is wrong.";

    private final Pool pool;
    private final Passwords passwords;
    private final AuditTrail audit;
    private final AccessConfig config;
    private final TokenIdentityProvider tokens;
    private final RoleTokens roleTokens;
    private final PerMinuteCounter failuresByAddress = new PerMinuteCounter();

    public SignIn(Pool pool, Passwords passwords, AuditTrail audit, AccessConfig config, TokenIdentityProvider tokens,
                  RoleTokens roleTokens) {
        this.pool = pool;
        this.passwords = passwords;
        this.audit = audit;
        this.config = config;
        this.tokens = tokens;
        this.roleTokens = roleTokens;
    }

    public Uni<Session> withPassword(String username, String password, String address) {
        Instant now = Instant.now();
        if (throttled(address, now)) return refused(username, "login", address, now);
        return pool.preparedQuery("""
                        SELECT u.id, u.password_hash, u.enabled, u.locked_until, u.failed_logins FROM app_user u WHERE u.username = $1""")
                .execute(Tuple.of(username))
                .flatMap(rows -> {
                    Row user = rows.size() == 0 ? null : rows.iterator().next();
                    var lockedUntil = user == null ? null : user.getOffsetDateTime("locked_until");
                    if (lockedUntil != null && lockedUntil.toInstant().isAfter(now)) {
                        long wait = lockedUntil.toInstant().getEpochSecond() - now.getEpochSecond() + 1;
                        return audit.record(username, null, "login", username, Outcome.REFUSED, address, Map.of("reason", "locked"))
                                .chain(() -> Uni.createFrom().failure(tooMany(
                                        "This user is locked after %d failed sign-ins until %s; wait, or ask an administrator to unlock it."
                                                .formatted(config.lockAfter(), DateTimeFormatter.ofPattern("HH:mm")
                                                        .format(ServiceClock.local(lockedUntil))), wait)));
                    }
                    String hash = user == null || !user.getBoolean("enabled") ? null : user.getString("password_hash");
                    return passwords.matches(password, hash).flatMap(ok -> ok
                            ? open(user.getInteger("id"), username, address)
                            : failed(user, username, address, now));
                });
    }

    /** Whether the address has failed too often this minute, whatever names it tried. */
    private boolean throttled(String address, Instant now) {
        return failuresByAddress.count(address, now) >= config.failuresPerAddressPerMinute();
    }

    private <T> Uni<T> refused(String who, String action, String address, Instant now) {
        long wait = PerMinuteCounter.secondsLeft(now);
        return audit.record(who, null, action, who, Outcome.REFUSED, address, Map.of("reason", "address throttled"))
                .chain(() -> Uni.createFrom().failure(tooMany(
                        "Too many failed sign-ins from this address; try again in %d s.".formatted(wait), wait)));
    }

    private Uni<Session> failed(Row user, String username, String address, Instant now) {
        failuresByAddress.add(address, now);
        Uni<Void> counted = Uni.createFrom().voidItem();
        boolean locks = false;
        if (user != null) {
            locks = user.getInteger("failed_logins") + 1 >= config.lockAfter();
            counted = pool.preparedQuery("""
                            UPDATE app_user SET failed_logins = CASE WHEN $2 THEN 0 ELSE failed_logins + 1 END,
                                                locked_until = CASE WHEN $2 THEN $3 ELSE locked_until END
                            WHERE id = $1""")
                    .execute(Tuple.of(user.getInteger("id"), locks, now.plus(config.lockFor()).atOffset(ZoneOffset.UTC)))
                    .replaceWithVoid();
        }
        Map<String, Object> detail = Map.of("reason", user == null ? "unknown user" : locks ? "wrong password; user locked" : "wrong password");
        return counted.chain(() -> audit.record(username, null, "login", username, Outcome.FAILED, address, detail))
                .chain(() -> Uni.createFrom().failure(new ProblemException(ProblemType.UNAUTHORIZED, WRONG)));
    }

    private Uni<Session> open(int userId, String username, String address) {
        String token = Secrets.newToken();
        String csrf = Secrets.newToken();
        Instant expires = Instant.now().plus(config.sessionLength());
        return pool.withTransaction(tx -> tx.preparedQuery("UPDATE app_user SET failed_logins = 0, locked_until = NULL WHERE id = $1")
                        .execute(Tuple.of(userId))
                        .chain(() -> tx.preparedQuery("""
                                        INSERT INTO access_token (token_hash, user_id, kind, csrf, created_at, expires_at)
                                        VALUES ($1, $2, 'session', $3, $4, $5)""")
                                .execute(Tuple.of(Secrets.hash(token), userId, csrf, Instant.now().atOffset(ZoneOffset.UTC),
                                        expires.atOffset(ZoneOffset.UTC)))))
                .chain(() -> Me.load(pool, userId, csrf))
                .call(me -> audit.record(username, me.role(), "login", username, Outcome.OK, address, Map.of()))
                .map(me -> new Session(token, me, expires));
    }

    /** Checks that a display token is a wall's, for the wall page to keep it in its cookie. */
    public Uni<Me> display(String token, String address) {
        if (throttled(address, Instant.now())) return refused("?", "display", address, Instant.now());
        return roleTokens.userOf(token, Role.WALL).flatMap(userId -> {
            if (userId == null) {
                failuresByAddress.add(address, Instant.now());
                return audit.record("?", null, "display", null, Outcome.FAILED, address, Map.of("reason", "not a wall's token"))
                        .chain(() -> Uni.createFrom().failure(new ProblemException(ProblemType.UNAUTHORIZED,
                                "This is not a wall's display token, or it was revoked: ask an administrator for the wall's token.")));
            }
            return Me.load(pool, userId, null)
                    .call(me -> audit.record(me.username(), Role.WALL.code(), "display", me.username(), Outcome.OK, address, Map.of()));
        });
    }

    /**
     * A user's own new password: the current one must match (a session left open on another desk
     * cannot be taken over); the user's other sessions end, this one goes on.
     */
    public Uni<Void> changePassword(Caller caller, String token, String current, String next, String address) {
        Passwords.weakness(next).ifPresent(w -> {
            throw new ProblemException(ProblemType.VALIDATION_FAILED, "The new password cannot be used; see errors.",
                    java.util.List.of(new org.gridcc.common.Problem.FieldError("newPassword", w)));
        });
        return pool.preparedQuery("SELECT password_hash FROM app_user WHERE id = $1").execute(Tuple.of(caller.userId()))
                .chain(rows -> passwords.matches(current, rows.iterator().next().getString("password_hash")))
                .chain(ok -> {
                    if (!ok) {
                        return audit.record(caller, "password.change", caller.username(), Outcome.REFUSED, address,
                                        Map.of("reason", "wrong current password"))
                                .chain(() -> Uni.createFrom().failure(new ProblemException(ProblemType.FORBIDDEN,
                                        "The current password is wrong; the password is unchanged.")));
                    }
                    return passwords.hash(next).chain(hash -> pool.withTransaction(tx -> tx
                                    .preparedQuery("UPDATE app_user SET password_hash = $2 WHERE id = $1")
                                    .execute(Tuple.of(caller.userId(), hash))
                                    .chain(() -> tx.preparedQuery("""
                                                    UPDATE access_token SET revoked_at = $3 WHERE user_id = $1 AND kind = 'session'
                                                       AND revoked_at IS NULL AND token_hash <> $2""")
                                            .execute(Tuple.of(caller.userId(), Secrets.hash(token), Instant.now().atOffset(ZoneOffset.UTC))))))
                            .chain(tokens::forgetAll)
                            .chain(() -> audit.record(caller, "password.change", caller.username(), Outcome.OK, address, Map.of()));
                });
    }

    /** Ends a session: its token is revoked, so a copied cookie opens nothing afterwards. */
    public Uni<Void> signOut(String token, Caller caller, String address) {
        return pool.preparedQuery("UPDATE access_token SET revoked_at = $2 WHERE token_hash = $1 AND kind = 'session'")
                .execute(Tuple.of(Secrets.hash(token), Instant.now().atOffset(ZoneOffset.UTC)))
                .chain(tokens::forgetAll)
                .chain(() -> audit.record(caller, "logout", caller.username(), Outcome.OK, address, Map.of()));
    }

    static ProblemException tooMany(String detail, long seconds) {
        return new ProblemException(ProblemType.TOO_MANY_REQUESTS, detail, java.util.List.of(),
                Map.of(ProblemMapper.RETRY_AFTER, seconds));
    }
}
