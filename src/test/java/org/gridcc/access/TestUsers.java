package org.gridcc.access;

import static io.restassured.RestAssured.given;

import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Signed-in callers for the tests: the first admin (made at start with the test password), and
 * users of any role made through the API. A page session is a cookie and its CSRF token; walls
 * and client systems have tokens.
 */
public final class TestUsers {

    /** %test.gridcc.auth.admin-password in application.properties. */
    public static final String ADMIN_PASSWORD = "test-admin-2026";
    /** Passwords of the users the tests make. */
    public static final String PASSWORD = "test-pass-2026";

    private static final AtomicInteger NEXT = new AtomicInteger();
    /** One admin session per started application (each start gets its own port and a fresh database). */
    private static final Map<Integer, Session> ADMINS = new HashMap<>();

    private TestUsers() {}

    /** A page's session: the cookie and the CSRF token to send with changes. */
    public record Session(String username, String cookie, String csrf) {
        public RequestSpecification given() {
            return anonymous().cookie(TokenMechanism.SESSION_COOKIE, cookie).header(CsrfCheck.HEADER, csrf);
        }

        /** The Cookie header for clients outside REST Assured (WebSocket, browser). */
        public String cookieHeader() {
            return TokenMechanism.SESSION_COOKIE + "=" + cookie;
        }
    }

    /** A token of a machine, a wall or an Open311 client. */
    public record Token(String username, String token) {
        public RequestSpecification given() {
            return anonymous().header("Authorization", "Bearer " + token);
        }
    }

    /** A request with no credentials at all (the admin filter is left out too). */
    public static RequestSpecification anonymous() {
        return given().noFilters();
    }

    public static synchronized Session admin() {
        return ADMINS.computeIfAbsent(RestAssured.port, port -> signIn(FirstAdmin.USERNAME, ADMIN_PASSWORD));
    }

    public static Session signIn(String username, String password) {
        var answer = anonymous().contentType("application/json")
                .body(Map.of("username", username, "password", password))
                .post("/api/session").then().statusCode(200).extract();
        return new Session(username, answer.cookie(TokenMechanism.SESSION_COOKIE), answer.path("csrf"));
    }

    /** Makes a user of a role that signs in (admin, gis, officer with a grid, handler with a unit) and signs it in. */
    public static Session user(String role, String grid, String unit) {
        String username = newUser(role, grid, unit, PASSWORD);
        return signIn(username, PASSWORD);
    }

    /** Makes a wall or Open311 client and a token for it. */
    public static Token tokenUser(String role) {
        String username = newUser(role, null, null, null);
        String token = admin().given().contentType("application/json").body(Map.of("label", "test " + role))
                .post("/api/users/{u}/tokens", username).then().statusCode(201).extract().path("token");
        return new Token(username, token);
    }

    public static String newUser(String role, String grid, String unit, String password) {
        String username = "t-" + role + "-" + NEXT.incrementAndGet() + "-" + RestAssured.port;
        var body = new HashMap<String, Object>(Map.of("username", username, "displayName", "测试" + role, "role", role));
        if (grid != null) body.put("grid", grid);
        if (unit != null) body.put("unit", unit);
        if (password != null) body.put("password", password);
        admin().given().contentType("application/json").body(body).post("/api/users").then().statusCode(201);
        return username;
    }
}
