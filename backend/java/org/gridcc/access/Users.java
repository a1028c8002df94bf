package org.gridcc.access;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.gridcc.access.UserResource.NewToken;
import org.gridcc.access.UserResource.NewUser;
import org.gridcc.access.UserResource.UserChange;
import org.gridcc.common.Problem.FieldError;
import org.gridcc.common.ProblemException;
import org.gridcc.common.ProblemType;
import org.gridcc.common.ServiceClock;

/** The users table: make, change, list; tokens made, listed and revoked. */
@ApplicationScoped
public class Users {

    public record UserView(String username, String displayName, String role, String grid, String unit, boolean enabled,
                           OffsetDateTime lockedUntil, OffsetDateTime createdAt) {}

    /** A token or session; {@code id} names it for revoking (the start of its hash, never the secret). */
    public record TokenView(String id, String kind, String label, OffsetDateTime createdAt, OffsetDateTime expiresAt,
                            OffsetDateTime lastUsedAt, OffsetDateTime revokedAt) {}

    /** A new token: the secret, shown this once. */
    public record MadeToken(String id, String token, String label, OffsetDateTime expiresAt) {}

    private static final String SELECT = """
            SELECT u.username, u.display_name, u.role, u.grid_code, n.code AS unit, u.enabled, f.locked_until, u.created_at
            FROM app_user u LEFT JOIN unit n ON n.id = u.unit_id LEFT JOIN sign_in_failure f ON f.username = u.username""";

    private static final String GRID_ROLES = "only an officer or a worker has a grid";

    private final Pool pool;
    private final Passwords passwords;
    private final KnownGrids grids;
    private final TokenIdentityProvider tokens;
    private final SignInFailures failures;

    public Users(Pool pool, Passwords passwords, KnownGrids grids, TokenIdentityProvider tokens, SignInFailures failures) {
        this.pool = pool;
        this.passwords = passwords;
        this.grids = grids;
        this.tokens = tokens;
        this.failures = failures;
    }

    public Uni<List<UserView>> list() {
        return pool.query(SELECT + " ORDER BY u.username").execute().map(rows -> {
            var users = new ArrayList<UserView>();
            for (Row row : rows) users.add(view(row));
            return users;
        });
    }

    public Uni<UserView> create(NewUser user) {
        Role role = Role.of(user.role()).orElseThrow();
        var errors = new ArrayList<FieldError>();
        if (role.hasOwnGrid() && user.grid() == null) {
            errors.add(new FieldError("grid", "a%s %s needs the grid it serves".formatted(role == Role.OFFICER ? "n" : "", role.code())));
        }
        if (!role.hasOwnGrid() && user.grid() != null) errors.add(new FieldError("grid", GRID_ROLES));
        if (role == Role.HANDLER && user.unit() == null) errors.add(new FieldError("unit", "a handler needs the unit whose cases it handles"));
        if (role != Role.HANDLER && user.unit() != null) errors.add(new FieldError("unit", "only a handler has a unit"));
        boolean signsIn = role != Role.WALL && role != Role.OPEN311;
        if (signsIn) {
            Passwords.weakness(user.password()).ifPresent(w -> errors.add(new FieldError("password", w)));
        } else if (user.password() != null) {
            errors.add(new FieldError("password", "a %s has no password: make it a token".formatted(role.code())));
        }
        checkGrid(user.grid(), errors);
        if (!errors.isEmpty()) throw invalid(errors);
        Uni<String> hash = signsIn ? passwords.hash(user.password()) : Uni.createFrom().nullItem();
        // A new user starts with no failures, whatever was tried under its name before it existed.
        return unitId(user.unit())
                .chain(unit -> hash.chain(h -> pool.withTransaction(tx -> tx.preparedQuery("""
                                        INSERT INTO app_user (username, display_name, role, grid_code, unit_id, password_hash)
                                        VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (username) DO NOTHING RETURNING id""")
                                .execute(Tuple.from(Arrays.asList(user.username(), user.displayName().strip(), role.code(), user.grid(), unit, h)))
                                .call(rows -> rows.size() == 0 ? Uni.createFrom().voidItem() : failures.forget(tx, user.username())))))
                .chain(rows -> {
                    if (rows.size() == 0) {
                        throw new ProblemException(ProblemType.CONFLICT, "A user named %s exists already; choose another name."
                                .formatted(user.username()));
                    }
                    return find(user.username());
                });
    }

    public Uni<UserView> change(String username, UserChange change) {
        var errors = new ArrayList<FieldError>();
        if (change.password() != null) Passwords.weakness(change.password()).ifPresent(w -> errors.add(new FieldError("password", w)));
        checkGrid(change.grid(), errors);
        if (!errors.isEmpty()) throw invalid(errors);
        return find(username).chain(user -> {
            Role role = Role.of(user.role()).orElseThrow();
            if (change.grid() != null && !role.hasOwnGrid()) throw invalid(List.of(new FieldError("grid", GRID_ROLES)));
            if (change.unit() != null && role != Role.HANDLER) throw invalid(List.of(new FieldError("unit", "only a handler has a unit")));
            if (change.password() != null && (role == Role.WALL || role == Role.OPEN311)) {
                throw invalid(List.of(new FieldError("password", "a %s has no password: make it a token".formatted(role.code()))));
            }
            Uni<String> hash = change.password() == null ? Uni.createFrom().nullItem() : passwords.hash(change.password());
            boolean disablingAnAdmin = role == Role.ADMIN && Boolean.FALSE.equals(change.enabled());
            return unitId(change.unit()).chain(unit -> hash.chain(h -> pool.withTransaction(tx -> keepAnAdmin(tx, username, disablingAnAdmin)
                            .chain(() -> tx.preparedQuery("""
                                    UPDATE app_user SET display_name = coalesce($2, display_name), enabled = coalesce($3, enabled),
                                           grid_code = coalesce($4, grid_code), unit_id = coalesce($5, unit_id),
                                           password_hash = coalesce($6, password_hash)
                                    WHERE username = $1""")
                            .execute(Tuple.from(Arrays.asList(username, change.displayName(), change.enabled(), change.grid(), unit, h))))
                            .chain(() -> Boolean.TRUE.equals(change.unlock()) ? failures.forget(tx, username) : Uni.createFrom().voidItem())
                            .chain(() -> revokeOnChange(tx, username, change)))))
                    // Name, role scope or enabled may have changed: what tokens stand for is read again.
                    .chain(tokens::forgetAll)
                    .chain(() -> find(username));
        });
    }

    /**
     * Refuses to disable the last enabled administrator: nobody could then make users, tokens or
     * enable it again. The enabled administrators are locked, so two disabling each other at once
     * cannot both pass.
     */
    private Uni<Void> keepAnAdmin(SqlConnection tx, String username, boolean disablingAnAdmin) {
        if (!disablingAnAdmin) return Uni.createFrom().voidItem();
        return tx.preparedQuery("SELECT username FROM app_user WHERE role = 'admin' AND enabled FOR UPDATE").execute().invoke(rows -> {
            for (Row row : rows) if (!row.getString("username").equals(username)) return;
            throw new ProblemException(ProblemType.CONFLICT,
                    "%s is the last enabled administrator and cannot be disabled; make or enable another administrator first.".formatted(username));
        }).replaceWithVoid();
    }

    /**
     * A new password ends the user's sessions; disabling ends its sessions and revokes its tokens for
     * good, so that enabling it again brings none of them back (an administrator makes new ones).
     */
    private static Uni<Void> revokeOnChange(SqlConnection tx, String username, UserChange change) {
        boolean disabled = Boolean.FALSE.equals(change.enabled());
        if (!disabled && change.password() == null) return Uni.createFrom().voidItem();
        return tx.preparedQuery("""
                        UPDATE access_token SET revoked_at = $2 WHERE revoked_at IS NULL AND (kind = 'session' OR $3)
                          AND user_id = (SELECT id FROM app_user WHERE username = $1)""")
                .execute(Tuple.of(username, Instant.now().atOffset(ZoneOffset.UTC), disabled)).replaceWithVoid();
    }

    public Uni<List<TokenView>> tokens(String username) {
        return find(username).chain(user -> pool.preparedQuery("""
                        SELECT t.token_hash, t.kind, t.label, t.created_at, t.expires_at, t.last_used_at, t.revoked_at
                        FROM access_token t JOIN app_user u ON u.id = t.user_id WHERE u.username = $1 ORDER BY t.created_at DESC""")
                .execute(Tuple.of(username))
                .map(rows -> {
                    var tokens = new ArrayList<TokenView>();
                    for (Row row : rows) {
                        tokens.add(new TokenView(id(row.getBuffer("token_hash").getBytes()), row.getString("kind"), row.getString("label"),
                                ServiceClock.local(row.getOffsetDateTime("created_at")), local(row.getOffsetDateTime("expires_at")),
                                local(row.getOffsetDateTime("last_used_at")), local(row.getOffsetDateTime("revoked_at"))));
                    }
                    return tokens;
                }));
    }

    public Uni<MadeToken> newToken(String username, NewToken request) {
        String token = Secrets.newToken();
        byte[] hash = Secrets.hash(token);
        var now = Instant.now().atOffset(ZoneOffset.UTC);
        OffsetDateTime expires = request.days() == null ? null : now.plusDays(request.days());
        return find(username).chain(user -> pool.preparedQuery("""
                        INSERT INTO access_token (token_hash, user_id, kind, label, created_at, expires_at)
                        SELECT $1, id, 'token', $3, $4, $5 FROM app_user WHERE username = $2""")
                .execute(Tuple.from(Arrays.asList(hash, username, request.label().strip(), now, expires)))
                .map(done -> new MadeToken(id(hash), token, request.label().strip(), local(expires))));
    }

    public Uni<Void> revoke(String username, String id) {
        if (!id.matches("[0-9a-f]{16}")) throw ProblemException.notFound("A token id is 16 hex digits, as GET /api/users/%s/tokens lists them."
                .formatted(username));
        return find(username).chain(user -> pool.preparedQuery("""
                        UPDATE access_token t SET revoked_at = coalesce(t.revoked_at, $3) FROM app_user u
                        WHERE u.id = t.user_id AND u.username = $1 AND substring(t.token_hash from 1 for 8) = $2""")
                .execute(Tuple.of(username, HexFormat.of().parseHex(id), Instant.now().atOffset(ZoneOffset.UTC)))
                .map(rows -> {
                    if (rows.rowCount() == 0) throw ProblemException.notFound("%s has no token %s.".formatted(username, id));
                    return null;
                }))
                .chain(tokens::forgetAll);
    }

    private Uni<UserView> find(String username) {
        return pool.preparedQuery(SELECT + " WHERE u.username = $1").execute(Tuple.of(username)).map(rows -> {
            if (rows.size() == 0) throw ProblemException.notFound("No user is named %s; GET /api/users lists them.".formatted(username));
            return view(rows.iterator().next());
        });
    }

    private Uni<Integer> unitId(String code) {
        if (code == null) return Uni.createFrom().nullItem();
        return pool.preparedQuery("SELECT id FROM unit WHERE code = $1").execute(Tuple.of(code)).map(rows -> {
            if (rows.size() == 0) throw invalid(List.of(new FieldError("unit", "no unit has code %s".formatted(code))));
            return rows.iterator().next().getInteger("id");
        });
    }

    private void checkGrid(String grid, List<FieldError> errors) {
        if (grid != null && !grids.exists(grid)) {
            errors.add(new FieldError("grid", "no grid has code %s in the published version".formatted(grid)));
        }
    }

    private static ProblemException invalid(List<FieldError> errors) {
        return new ProblemException(ProblemType.VALIDATION_FAILED, "The user cannot be saved; see errors.", errors);
    }

    private static String id(byte[] hash) {
        return HexFormat.of().formatHex(hash, 0, 8);
    }

    private static OffsetDateTime local(OffsetDateTime time) {
        return time == null ? null : ServiceClock.local(time);
    }

    private static UserView view(Row row) {
        return new UserView(row.getString("username"), row.getString("display_name"), row.getString("role"), row.getString("grid_code"),
                row.getString("unit"), row.getBoolean("enabled"), local(row.getOffsetDateTime("locked_until")),
                ServiceClock.local(row.getOffsetDateTime("created_at")));
    }
}
