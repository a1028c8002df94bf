package org.gridcc.access;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import org.gridcc.access.AuditTrail.Outcome;
import org.gridcc.common.ProblemException;
import org.gridcc.common.ProblemMapper;
import org.gridcc.common.ProblemType;
import org.gridcc.common.ServiceClock;

/**
 * Sign-in with user name and password: an address that fails often is slowed, a name that fails
 * in a row is locked (a real one or not: the answers do not tell), every attempt in the audit
 * trail. A success opens a session: a random token (kept as its hash) for the cookie and a CSRF
 * token for the page.
 */
@ApplicationScoped
public class SignIn {

    /** A new session: the secret for the cookie and who it belongs to. */
    public record Session(String token, Me me, Instant expires) {}

    private static final String WRONG = "The user name or the password is wrong.";

    private final Pool pool;
    private final Vertx vertx;
    private final Passwords passwords;
    private final AuditTrail audit;
    private final AccessConfig config;
    private final TokenIdentityProvider tokens;
    private final RoleTokens roleTokens;
    private final SignInFailures failures;
    private final AddressThrottle addresses;

    public SignIn(Pool pool, Vertx vertx, Passwords passwords, AuditTrail audit, AccessConfig config, TokenIdentityProvider tokens,
                  RoleTokens roleTokens, SignInFailures failures) {
        this.pool = pool;
        this.vertx = vertx;
        this.passwords = passwords;
        this.audit = audit;
        this.config = config;
        this.tokens = tokens;
        this.roleTokens = roleTokens;
        this.failures = failures;
        this.addresses = new AddressThrottle(config.failuresPerAddressPerMinute(), config.slowedAddressPace());
    }

    public Uni<Session> withPassword(String username, String password, String address) {
        return turn(username, "login", address).chain(slowed -> pool.preparedQuery("""
                        SELECT u.id, u.password_hash, u.enabled, f.locked_until
                        FROM (SELECT $1::text AS username) n LEFT JOIN app_user u ON u.username = n.username
                        LEFT JOIN sign_in_failure f ON f.username = n.username""")
                .execute(Tuple.of(username))
                .flatMap(rows -> {
                    // Whether or not a user has the name, the same steps: a lock, then a bcrypt comparison.
                    Row row = rows.iterator().next();
                    boolean known = row.getInteger("id") != null;
                    Instant now = Instant.now();
                    var lockedUntil = row.getOffsetDateTime("locked_until");
                    if (lockedUntil != null && lockedUntil.toInstant().isAfter(now)) {
                        long wait = lockedUntil.toInstant().getEpochSecond() - now.getEpochSecond() + 1;
                        return audit.record(username, null, "login", username, Outcome.REFUSED, address, detail("locked", slowed))
                                .chain(() -> Uni.createFrom().failure(tooMany(
                                        "This user is locked after %d failed sign-ins until %s; wait, or ask an administrator to unlock it."
                                                .formatted(config.lockAfter(), DateTimeFormatter.ofPattern("HH:mm")
                                                        .format(ServiceClock.local(lockedUntil))), wait)));
                    }
                    String hash = known && row.getBoolean("enabled") ? row.getString("password_hash") : null;
                    return passwords.matches(password, hash).flatMap(ok -> ok
                            ? open(row.getInteger("id"), username, address, slowed)
                            : failed(known, username, address, slowed));
                }));
    }

    /**
     * Waits for the address's turn when it has failed too often this minute, whatever names it
     * tried; answers whether it was slowed. Refused (429) only when it would wait over a minute.
     */
    private Uni<Boolean> turn(String who, String action, String address) {
        AddressThrottle.Turn turn = addresses.turn(address, Instant.now());
        if (turn.refused()) {
            long wait = Math.max(1, (turn.delay().toMillis() + 999) / 1000);
            return audit.record(who, null, action, who, Outcome.REFUSED, address, Map.of("reason", "address throttled"))
                    .chain(() -> Uni.createFrom().failure(tooMany(
                            "Too many sign-ins from this address are waiting their turn; try again in %d s.".formatted(wait), wait)));
        }
        if (turn.delay().isZero()) return Uni.createFrom().item(false);
        return Uni.createFrom().emitter(waited -> vertx.setTimer(Math.max(1, turn.delay().toMillis()), timer -> waited.complete(true)));
    }

    private Uni<Session> failed(boolean known, String username, String address, boolean slowed) {
        Instant now = Instant.now();
        addresses.failed(address, now);
        return failures.failed(username, now)
                .chain(locked -> audit.record(username, null, "login", username, Outcome.FAILED, address,
                        detail((known ? "wrong password" : "unknown user") + (locked ? "; locked" : ""), slowed)))
                .chain(() -> Uni.createFrom().failure(new ProblemException(ProblemType.UNAUTHORIZED, WRONG)));
    }

    private Uni<Session> open(int userId, String username, String address, boolean slowed) {
        String token = Secrets.newToken();
        String csrf = Secrets.newToken();
        Instant expires = Instant.now().plus(config.sessionLength());
        return pool.withTransaction(tx -> failures.forget(tx, username)
                        .chain(() -> tx.preparedQuery("""
                                        INSERT INTO access_token (token_hash, user_id, kind, csrf, created_at, expires_at)
                                        VALUES ($1, $2, 'session', $3, $4, $5)""")
                                .execute(Tuple.of(Secrets.hash(token), userId, csrf, Instant.now().atOffset(ZoneOffset.UTC),
                                        expires.atOffset(ZoneOffset.UTC)))))
                .chain(() -> Me.load(pool, userId, csrf))
                .call(me -> audit.record(username, me.role(), "login", username, Outcome.OK, address, detail(null, slowed)))
                .map(me -> new Session(token, me, expires));
    }

    /** The audit detail of an attempt: why it failed, and whether its address was slowed. */
    private static Map<String, Object> detail(String reason, boolean slowed) {
        var detail = new java.util.LinkedHashMap<String, Object>();
        if (reason != null) detail.put("reason", reason);
        if (slowed) detail.put("slowed", true);
        return detail;
    }

    /** Checks that a display token is a wall's, for the wall page to keep it in its cookie. */
    public Uni<Me> display(String token, String address) {
        return turn("?", "display", address).chain(slowed -> roleTokens.userOf(token, Role.WALL).flatMap(userId -> {
            if (userId == null) {
                addresses.failed(address, Instant.now());
                return audit.record("?", null, "display", null, Outcome.FAILED, address, detail("not a wall's token", slowed))
                        .chain(() -> Uni.createFrom().failure(new ProblemException(ProblemType.UNAUTHORIZED,
                                "This is not a wall's display token, or it was revoked: ask an administrator for the wall's token.")));
            }
            return Me.load(pool, userId, null)
                    .call(me -> audit.record(me.username(), Role.WALL.code(), "display", me.username(), Outcome.OK, address,
                            detail(null, slowed)));
        }));
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
