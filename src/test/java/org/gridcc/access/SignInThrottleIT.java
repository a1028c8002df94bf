package org.gridcc.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.util.Map;
import org.gridcc.grid.DemoCounty;
import org.junit.jupiter.api.Test;

/** Failed sign-ins from one address are limited per minute, whatever user names they try. */
@QuarkusTest
@TestProfile(SignInThrottleIT.ThreeFailures.class)
class SignInThrottleIT {

    public static class ThreeFailures implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("gridcc.auth.failures-per-address-per-minute", "3");
        }
    }

    @Inject
    DemoCounty county;

    @Test
    void anAddressThatFailsTooOftenIsRefusedForTheRestOfTheMinute() {
        // Sign in first, so that the admin session the other steps use exists before the address is refused.
        TestUsers.admin();
        for (int i = 0; i < 3; i++) {
            TestUsers.anonymous().contentType("application/json").body(Map.of("username", "guess" + i, "password", "guess-password-1"))
                    .post("/api/session").then().statusCode(401);
        }
        var refused = TestUsers.anonymous().contentType("application/json")
                .body(Map.of("username", "admin", "password", TestUsers.ADMIN_PASSWORD)).post("/api/session");
        refused.then().statusCode(429).contentType("application/problem+json").body("detail", containsString("this address"));
        assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 60L);
        assertThat(county.count("SELECT count(*) FROM audit_entry WHERE action = 'login' AND outcome = 'refused' "
                + "AND detail ->> 'reason' = 'address throttled'")).isEqualTo(1);
    }
}
