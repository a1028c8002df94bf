package org.gridcc.access;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Map;
import org.gridcc.common.PerMinuteCounter;
import org.gridcc.grid.DemoCounty;
import org.gridcc.grid.GridLevel;
import org.junit.jupiter.api.Test;

/**
 * Behind a trusted proxy (here the tests themselves, from 127.0.0.1): the client's address is the
 * one the proxy forwards, failed sign-ins are counted per client address, and an address that
 * fails too often is slowed, never refused a correct password.
 */
@QuarkusTest
@TestProfile(SignInThrottleIT.BehindATrustedProxy.class)
class SignInThrottleIT {

    public static class BehindATrustedProxy implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("gridcc.auth.failures-per-address-per-minute", "3",
                    "gridcc.auth.slowed-address-pace", "50ms",
                    "quarkus.http.proxy.proxy-address-forwarding", "true",
                    "quarkus.http.proxy.trusted-proxies", "127.0.0.1");
        }
    }

    @Inject
    DemoCounty county;

    private static Response signIn(String from, String username, String password) {
        return TestUsers.anonymous().header("X-Forwarded-For", from).contentType("application/json")
                .body(Map.of("username", username, "password", password)).post("/api/session");
    }

    @Test
    void anAddressThatFailsTooOftenIsSlowedButAColleaguesCorrectPasswordStillSignsIn() {
        String colleague = TestUsers.newUser("gis", null, null, TestUsers.PASSWORD);
        String elsewhere = TestUsers.newUser("gis", null, null, TestUsers.PASSWORD);
        // The three failures and the sign-in after them fall in one clock minute.
        awaitTheStartOfAMinuteIfItEndsSoon();
        for (int i = 0; i < 3; i++) signIn("203.0.113.7", "guess" + i + "-" + colleague, "guess-password-1").then().statusCode(401);

        signIn("203.0.113.7", colleague, TestUsers.PASSWORD).then().statusCode(200);
        signIn("203.0.113.8", elsewhere, TestUsers.PASSWORD).then().statusCode(200);
        assertThat(county.list("SELECT concat_ws(' ', address, outcome, detail ->> 'slowed') FROM audit_entry "
                + "WHERE action = 'login' AND actor IN (?, ?) ORDER BY id", colleague, elsewhere))
                .containsExactly("203.0.113.7 ok true", "203.0.113.8 ok");
        assertThat(county.count("SELECT count(*) FROM audit_entry WHERE actor LIKE ? AND address = '203.0.113.7' "
                + "AND outcome = 'failed'", "guess%-" + colleague)).isEqualTo(3);
    }

    @Test
    void theAuditTrailKeepsTheAddressTheProxyForwards() {
        var session = TestUsers.user("officer", county.first(GridLevel.COUNTY), null);
        session.given().header("X-Forwarded-For", "198.51.100.23").contentType("application/json")
                .body(Map.of("currentPassword", "not-the-password-1", "newPassword", "another-pass-2027"))
                .put("/api/session/password").then().statusCode(403);
        assertThat(county.list("SELECT address FROM audit_entry WHERE actor = ? AND action = 'password.change'", session.username()))
                .containsExactly("198.51.100.23");
        TestUsers.admin().given().header("X-Forwarded-For", "198.51.100.24").contentType("application/json")
                .body(Map.of("displayName", "改名")).patch("/api/users/{u}", session.username()).then().statusCode(200);
        assertThat(county.list("SELECT address FROM audit_entry WHERE action = ?", "PATCH /api/users/" + session.username()))
                .containsExactly("198.51.100.24");
    }

    /** Failures are counted per clock minute: a test that needs them counted together must not straddle one. */
    private static void awaitTheStartOfAMinuteIfItEndsSoon() {
        long left = PerMinuteCounter.secondsLeft(Instant.now());
        if (left > 10) return;
        try {
            Thread.sleep(left * 1000 + 100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
