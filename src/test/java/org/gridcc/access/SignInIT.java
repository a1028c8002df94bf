package org.gridcc.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletionException;
import org.gridcc.common.Problem;
import org.gridcc.grid.DemoCounty;
import org.gridcc.grid.GridLevel;
import org.junit.jupiter.api.Test;

/** Sign-in, sessions, CSRF, lockout, tokens and what the audit trail keeps of them. */
@QuarkusTest
class SignInIT {

    @Inject
    DemoCounty county;

    @Inject
    io.vertx.mutiny.sqlclient.Pool pool;

    private static Response signIn(String username, String password) {
        return TestUsers.anonymous().contentType("application/json").body(Map.of("username", username, "password", password))
                .post("/api/session");
    }

    @Test
    void aSessionIsAnHttpOnlyStrictCookieWithACsrfTokenForThePage() {
        String user = TestUsers.newUser("officer", county.first(GridLevel.COUNTY), null, TestUsers.PASSWORD);
        Response answer = signIn(user, TestUsers.PASSWORD);
        answer.then().statusCode(200).body("role", equalTo("officer")).body("gridName", equalTo(county.one(
                "SELECT name FROM grid WHERE level = 'county' AND version_id = (SELECT id FROM grid_version WHERE status = 'published')")));
        String cookie = answer.header("Set-Cookie");
        assertThat(cookie).contains("gridcc_session=").contains("HttpOnly").containsIgnoringCase("SameSite=Strict").contains("Path=/");
        String token = answer.cookie("gridcc_session");
        assertThat(answer.asString()).doesNotContain(token).doesNotContain(TestUsers.PASSWORD);
        // Only the hash is kept.
        assertThat(county.count("SELECT count(*) FROM access_token WHERE token_hash = sha256(convert_to(?, 'UTF8'))", token)).isEqualTo(1);

        TestUsers.anonymous().cookie("gridcc_session", token).get("/api/session").then().statusCode(200)
                .body("username", equalTo(user)).body("csrf", equalTo(answer.path("csrf")));
        assertThat(county.count("SELECT count(*) FROM audit_entry WHERE actor = ? AND action = 'login' AND outcome = 'ok'", user))
                .isEqualTo(1);
    }

    @Test
    void aWrongPasswordAndAnUnknownUserGetTheSameAnswerAndAreAudited() {
        String user = TestUsers.newUser("gis", null, null, TestUsers.PASSWORD);
        String wrong = signIn(user, "wrong-password-1").then().statusCode(401).contentType("application/problem+json")
                .extract().path("detail");
        String unknown = signIn("nobody-" + user, "wrong-password-1").then().statusCode(401).extract().path("detail");
        assertThat(wrong).isEqualTo(unknown).contains("user name or the password is wrong");
        assertThat(county.list("SELECT detail ->> 'reason' FROM audit_entry WHERE action = 'login' AND outcome = 'failed' AND actor IN (?, ?)",
                user, "nobody-" + user)).containsExactlyInAnyOrder("wrong password", "unknown user");
        // Secrets are never kept in the trail.
        assertThat(county.count("SELECT count(*) FROM audit_entry WHERE detail::text LIKE '%wrong-password-1%'")).isZero();
    }

    @Test
    void fiveFailuresInARowLockTheUserUntilAnAdminUnlocksIt() {
        String user = TestUsers.newUser("gis", null, null, TestUsers.PASSWORD);
        for (int i = 0; i < 5; i++) signIn(user, "wrong-password-" + i).then().statusCode(401);
        Response locked = signIn(user, TestUsers.PASSWORD);
        locked.then().statusCode(429).contentType("application/problem+json").body("detail", containsString("locked"));
        assertThat(Long.parseLong(locked.header("Retry-After"))).isBetween(1L, 15 * 60L + 1);

        TestUsers.admin().given().contentType("application/json").body(Map.of("unlock", true)).patch("/api/users/{u}", user)
                .then().statusCode(200).body("lockedUntil", equalTo(null));
        signIn(user, TestUsers.PASSWORD).then().statusCode(200);
    }

    @Test
    void anUnknownNameLocksExactlyAsARealOneDoes() {
        String real = TestUsers.newUser("gis", null, null, TestUsers.PASSWORD);
        String unknown = "nobody-" + real;
        for (int i = 0; i < 5; i++) {
            assertSameAnswer(signIn(real, "wrong-password-" + i), signIn(unknown, "wrong-password-" + i), 401);
        }
        assertSameAnswer(signIn(real, TestUsers.PASSWORD), signIn(unknown, TestUsers.PASSWORD), 429);
        assertThat(county.list("SELECT detail ->> 'reason' FROM audit_entry WHERE action = 'login' AND actor = ? ORDER BY id", unknown))
                .containsExactly("unknown user", "unknown user", "unknown user", "unknown user", "unknown user; locked", "locked");

        // A user made under a name that was locked starts afresh.
        TestUsers.admin().given().contentType("application/json")
                .body(Map.of("username", unknown, "displayName", "新用户", "role", "gis", "password", TestUsers.PASSWORD))
                .post("/api/users").then().statusCode(201).body("lockedUntil", equalTo(null));
        signIn(unknown, TestUsers.PASSWORD).then().statusCode(200);
    }

    /** The same status, body and headers (but the clock's): nothing tells a real name from an unknown one. */
    private static void assertSameAnswer(Response real, Response unknown, int status) {
        real.then().statusCode(status);
        unknown.then().statusCode(status);
        // Locked until HH:mm, for so many seconds: the two may lock either side of a minute or a second
        // (Retry-After is compared below within a few seconds).
        assertThat(clockless(unknown.asString())).isEqualTo(clockless(real.asString()));
        assertThat(names(unknown)).isEqualTo(names(real));
        for (String name : names(real)) {
            if (name.equals("Date") || name.equals("Retry-After")) continue;
            assertThat(unknown.header(name)).as(name).isEqualTo(real.header(name));
        }
        if (status == 429) {
            assertThat(Long.parseLong(unknown.header("Retry-After"))).isCloseTo(Long.parseLong(real.header("Retry-After")),
                    org.assertj.core.data.Offset.offset(5L));
        }
    }

    private static String clockless(String body) {
        return body.replaceAll("\\d\\d:\\d\\d", "HH:mm").replaceAll("\"retryAfterSeconds\":\\d+", "\"retryAfterSeconds\":N");
    }

    private static java.util.List<String> names(Response answer) {
        return answer.headers().asList().stream().map(io.restassured.http.Header::getName).sorted().toList();
    }

    @Test
    void aDisabledUsersTokensStayRevokedWhenItIsEnabledAgain() {
        var wall = TestUsers.tokenUser("wall");
        wall.given().get("/api/session").then().statusCode(200);
        TestUsers.admin().given().contentType("application/json").body(Map.of("enabled", false))
                .patch("/api/users/{u}", wall.username()).then().statusCode(200);
        wall.given().get("/api/session").then().statusCode(401);
        TestUsers.admin().given().contentType("application/json").body(Map.of("enabled", true))
                .patch("/api/users/{u}", wall.username()).then().statusCode(200).body("enabled", equalTo(true));
        wall.given().get("/api/session").then().statusCode(401);
        TestUsers.anonymous().contentType("application/json").body(Map.of("token", wall.token()))
                .post("/api/session/display").then().statusCode(401);
        TestUsers.admin().given().get("/api/users/{u}/tokens", wall.username()).then().statusCode(200)
                .body("[0].revokedAt", not(equalTo(null)));
        // An administrator makes it a new one.
        String token = TestUsers.admin().given().contentType("application/json").body(Map.of("label", "new wall token"))
                .post("/api/users/{u}/tokens", wall.username()).then().statusCode(201).extract().path("token");
        TestUsers.anonymous().header("Authorization", "Bearer " + token).get("/api/session").then().statusCode(200);
    }

    @Test
    void theLastEnabledAdministratorCannotBeDisabled() {
        var last = TestUsers.user("admin", null, null);
        // The others, set aside behind the API's back for this test only (disabling them through it would revoke their sessions).
        java.util.List<String> others = pool.preparedQuery("UPDATE app_user SET enabled = false WHERE role = 'admin' AND enabled AND username <> $1 RETURNING username")
                .execute(io.vertx.mutiny.sqlclient.Tuple.of(last.username())).await().indefinitely()
                .stream().map(row -> row.getString("username")).toList();
        try {
            last.given().contentType("application/json").body(Map.of("enabled", false)).patch("/api/users/{u}", last.username())
                    .then().statusCode(409).contentType("application/problem+json")
                    .body("detail", containsString("last enabled administrator"));
            last.given().get("/api/session").then().statusCode(200);
        } finally {
            pool.preparedQuery("UPDATE app_user SET enabled = true WHERE username = ANY($1)")
                    .execute(io.vertx.mutiny.sqlclient.Tuple.of(others.toArray(String[]::new))).await().indefinitely();
        }
        // With another administrator enabled, it may be.
        last.given().contentType("application/json").body(Map.of("enabled", false)).patch("/api/users/{u}", last.username())
                .then().statusCode(200).body("enabled", equalTo(false));
    }

    @Test
    void answersWithPersonalDataAreKeptByNoCache() {
        var session = TestUsers.user("gis", null, null);
        var wall = TestUsers.tokenUser("wall");
        signIn(session.username(), TestUsers.PASSWORD).then().statusCode(200).header("Cache-Control", "no-store");
        session.given().get("/api/session").then().statusCode(200).header("Cache-Control", "no-store");
        TestUsers.admin().given().get("/api/users").then().statusCode(200).header("Cache-Control", "no-store");
        TestUsers.admin().given().get("/api/users/{u}/tokens", wall.username()).then().statusCode(200).header("Cache-Control", "no-store");
        TestUsers.admin().given().contentType("application/json").body(Map.of("label", "no-store"))
                .post("/api/users/{u}/tokens", wall.username()).then().statusCode(201).header("Cache-Control", "no-store");
        TestUsers.admin().given().get("/api/audit?limit=1").then().statusCode(200).header("Cache-Control", "no-store");
        TestUsers.admin().given().get("/api/users/{u}/tokens", "nobody-at-all").then().statusCode(404).header("Cache-Control", "no-store");
        TestUsers.anonymous().get("/api/session").then().statusCode(401).header("Cache-Control", "no-store");
        // Grids are nobody's personal data.
        session.given().get("/api/grids/" + county.first(GridLevel.COUNTY)).then().statusCode(200).header("Cache-Control", equalTo(null));
    }

    @Test
    void anXForwardedForFromAnUntrustedSenderIsIgnored() {
        String user = TestUsers.newUser("gis", null, null, TestUsers.PASSWORD);
        TestUsers.anonymous().header("X-Forwarded-For", "203.0.113.99").contentType("application/json")
                .body(Map.of("username", user, "password", TestUsers.PASSWORD)).post("/api/session").then().statusCode(200);
        assertThat(county.list("SELECT address FROM audit_entry WHERE action = 'login' AND actor = ?", user)).containsExactly("127.0.0.1");
    }

    @Test
    void aChangeWithTheSessionCookieNeedsTheCsrfToken() {
        var session = TestUsers.user("admin", null, null);
        String body = "{\"label\": \"csrf\"}";
        TestUsers.anonymous().cookie("gridcc_session", session.cookie()).contentType("application/json").body(body)
                .post("/api/users/{u}/tokens", session.username()).then().statusCode(403)
                .contentType("application/problem+json").body("detail", containsString("X-CSRF-Token"));
        TestUsers.anonymous().cookie("gridcc_session", session.cookie()).header("X-CSRF-Token", "forged").contentType("application/json")
                .body(body).post("/api/users/{u}/tokens", session.username()).then().statusCode(403);
        assertThat(county.count("SELECT count(*) FROM access_token t JOIN app_user u ON u.id = t.user_id WHERE u.username = ? "
                + "AND t.kind = 'token'", session.username())).isZero();
        session.given().contentType("application/json").body(body).post("/api/users/{u}/tokens", session.username())
                .then().statusCode(201);
    }

    @Test
    void anOldCookieDoesNotStandInTheWayOfSigningInAgain() {
        var session = TestUsers.user("gis", null, null);
        session.given().delete("/api/session").then().statusCode(204);
        TestUsers.anonymous().cookie("gridcc_session", session.cookie()).contentType("application/json")
                .body(Map.of("username", session.username(), "password", TestUsers.PASSWORD))
                .post("/api/session").then().statusCode(200);
        var wall = TestUsers.tokenUser("wall");
        TestUsers.anonymous().cookie("gridcc_session", session.cookie()).contentType("application/json")
                .body(Map.of("token", wall.token())).post("/api/session/display").then().statusCode(200);
    }

    @Test
    void aUserChangesItsOwnPasswordKnowingTheCurrentOneAndItsOtherSessionsEnd() {
        var here = TestUsers.user("officer", county.first(GridLevel.COUNTY), null);
        var elsewhere = TestUsers.signIn(here.username(), TestUsers.PASSWORD);
        here.given().contentType("application/json").body(Map.of("currentPassword", "not-it-2026", "newPassword", "mine-own-2027"))
                .put("/api/session/password").then().statusCode(403).contentType("application/problem+json");
        here.given().contentType("application/json").body(Map.of("currentPassword", TestUsers.PASSWORD, "newPassword", "short"))
                .put("/api/session/password").then().statusCode(400).body("errors[0].field", equalTo("newPassword"));
        here.given().contentType("application/json").body(Map.of("currentPassword", TestUsers.PASSWORD, "newPassword", "mine-own-2027"))
                .put("/api/session/password").then().statusCode(204);

        here.given().get("/api/session").then().statusCode(200);
        elsewhere.given().get("/api/session").then().statusCode(401);
        signIn(here.username(), TestUsers.PASSWORD).then().statusCode(401);
        signIn(here.username(), "mine-own-2027").then().statusCode(200);
        assertThat(county.list("SELECT outcome FROM audit_entry WHERE actor = ? AND action = 'password.change' ORDER BY id",
                here.username())).containsExactly("refused", "ok");
    }

    @Test
    void signingOutEndsTheSession() {
        var session = TestUsers.user("gis", null, null);
        session.given().delete("/api/session").then().statusCode(204).header("Set-Cookie", containsString("Max-Age=0"));
        TestUsers.anonymous().cookie("gridcc_session", session.cookie()).get("/api/session").then().statusCode(401)
                .body("detail", containsString("sign in again"));
    }

    @Test
    void aTokenWorksUntilRevokedAndItsSecretIsShownOnce() {
        var wall = TestUsers.tokenUser("wall");
        wall.given().get("/api/session").then().statusCode(200).body("role", equalTo("wall")).body("csrf", equalTo(null));
        var tokens = TestUsers.admin().given().get("/api/users/{u}/tokens", wall.username()).then().statusCode(200);
        tokens.body("size()", equalTo(1)).body("[0].id", not(equalTo(null)));
        assertThat(tokens.extract().asString()).doesNotContain(wall.token());
        String id = tokens.extract().path("[0].id");
        TestUsers.admin().given().delete("/api/users/{u}/tokens/{id}", wall.username(), id).then().statusCode(204);
        wall.given().get("/api/session").then().statusCode(401);
    }

    @Test
    void aNewPasswordEndsTheUsersSessionsAndWeakPasswordsAreRefused() {
        var session = TestUsers.user("gis", null, null);
        TestUsers.admin().given().contentType("application/json").body(Map.of("password", "short1"))
                .patch("/api/users/{u}", session.username()).then().statusCode(400)
                .body("errors[0].field", equalTo("password")).body("errors[0].message", containsString("10 characters"));
        session.given().get("/api/session").then().statusCode(200);
        TestUsers.admin().given().contentType("application/json").body(Map.of("password", "another-pass-2027"))
                .patch("/api/users/{u}", session.username()).then().statusCode(200);
        session.given().get("/api/session").then().statusCode(401);
        signIn(session.username(), "another-pass-2027").then().statusCode(200);
    }

    @Test
    void secretsNeverReachTheLog() throws Exception {
        String password = "log-secret-2026";
        String user = TestUsers.newUser("gis", null, null, password);
        signIn(user, "log-wrong-2026").then().statusCode(401);
        var session = TestUsers.signIn(user, password);
        var wall = TestUsers.tokenUser("wall");
        wall.given().get("/api/session").then().statusCode(200);
        TestUsers.anonymous().header("Authorization", "Bearer log-forged-token-2026").get("/api/cases").then().statusCode(401);
        TestUsers.anonymous().contentType("application/json").body(Map.of("token", "log-forged-display-2026"))
                .post("/api/session/display").then().statusCode(401).body(not(containsString("log-forged-display-2026")));
        session.given().delete("/api/session").then().statusCode(204);

        String log = Files.readString(Path.of("target/quarkus-test.log"));
        assertThat(log).contains("Installed features");
        for (String secret : java.util.List.of(password, "log-wrong-2026", session.cookie(), session.csrf(), wall.token(),
                "log-forged-token-2026", "log-forged-display-2026", TestUsers.ADMIN_PASSWORD)) {
            assertThat(log).as("the log").doesNotContain(secret);
        }
    }

    /**
     * A refused credential is answered once, by the problem mappers: no second answer attempted behind
     * the first (Quarkus logs that as an error, "Response has already been written"), whether the
     * request went to an API (refused inside Quarkus REST) or to the live socket (refused before it).
     */
    @Test
    void aRefusedCredentialIsAnsweredOnce() throws Exception {
        Path log = Path.of("target/quarkus-test.log");
        long before = Files.size(log);
        var session = TestUsers.user("officer", county.first(GridLevel.COUNTY), null);
        session.given().delete("/api/session").then().statusCode(204);
        for (int i = 0; i < 3; i++) {
            session.given().get("/api/session").then().statusCode(401).contentType(Problem.MEDIA_TYPE);
            TestUsers.anonymous().header("Authorization", "Bearer answered-once-2026").get("/api/cases").then().statusCode(401)
                    .contentType(Problem.MEDIA_TYPE);
            var refused = assertThrows(CompletionException.class, () -> HttpClient.newHttpClient().newWebSocketBuilder()
                    .header("Authorization", "Bearer answered-once-2026")
                    .buildAsync(URI.create("ws://localhost:" + RestAssured.port + "/live"), new WebSocket.Listener() {})
                    .join());
            assertThat(((WebSocketHandshakeException) refused.getCause()).getResponse().statusCode()).isEqualTo(401);
        }
        Thread.sleep(500); // a second answer would be attempted on the event loop right after the first: give it the time
        byte[] all = Files.readAllBytes(log);
        String written = new String(all, (int) before, all.length - (int) before, StandardCharsets.UTF_8);
        assertThat(written).as("the log while refusing").doesNotContain("Response has already been written").doesNotContain("QuarkusErrorHandler");
    }

    @Test
    void aDisabledUserIsRefusedAtOnceAndANewScopeHoldsAtOnce() {
        String township = county.first(GridLevel.TOWNSHIP);
        var officer = TestUsers.user("officer", county.first(GridLevel.COUNTY), null);
        officer.given().get("/api/session").then().statusCode(200).body("grid", equalTo(county.first(GridLevel.COUNTY)));
        TestUsers.admin().given().contentType("application/json").body(Map.of("grid", township))
                .patch("/api/users/{u}", officer.username()).then().statusCode(200);
        officer.given().get("/api/session").then().statusCode(200).body("grid", equalTo(township));
        officer.given().get("/api/reports/daily?grid=" + county.first(GridLevel.COUNTY)).then().statusCode(403);

        TestUsers.admin().given().contentType("application/json").body(Map.of("enabled", false))
                .patch("/api/users/{u}", officer.username()).then().statusCode(200).body("enabled", equalTo(false));
        officer.given().get("/api/session").then().statusCode(401);
        signIn(officer.username(), TestUsers.PASSWORD).then().statusCode(401);
    }

    @Test
    void usersAreValidatedFieldByField() {
        TestUsers.admin().given().contentType("application/json")
                .body(Map.of("username", "x y", "displayName", "", "role", "mayor"))
                .post("/api/users").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", org.hamcrest.Matchers.hasItems("username", "displayName", "role"));
        TestUsers.admin().given().contentType("application/json")
                .body(Map.of("username", "officer-without-grid", "displayName", "无网格", "role", "officer", "password", TestUsers.PASSWORD))
                .post("/api/users").then().statusCode(400).body("errors[0].field", equalTo("grid"));
        TestUsers.admin().given().contentType("application/json")
                .body(Map.of("username", "admin", "displayName", "重名", "role", "gis", "password", TestUsers.PASSWORD))
                .post("/api/users").then().statusCode(409);
        TestUsers.admin().given().contentType("application/json")
                .body(Map.of("username", "wall-with-password", "displayName", "大屏", "role", "wall", "password", TestUsers.PASSWORD))
                .post("/api/users").then().statusCode(400).body("errors[0].field", equalTo("password"));
    }
}
