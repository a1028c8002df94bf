package org.gridcc.cases.open311;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.LocalTime;
import org.gridcc.grid.DemoCounty;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Posts per API key and minute: beyond the limit 429 with Retry-After, for that key only, counted across the nodes. */
@QuarkusTest
@TestProfile(Open311RateLimitIT.ThreePerMinute.class)
class Open311RateLimitIT {

    static final String SECOND_KEY = "open311-second-key";

    public static class ThreePerMinute implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("%test.gridcc.open311.posts-per-minute", "3",
                    "%test.gridcc.open311.api-keys", Open311Client.KEY + "," + SECOND_KEY + ",open311-third-key");
        }
    }

    @Test
    void aKeyOverItsLimitIsToldWhenToTryAgainAndOtherKeysGoOn() throws InterruptedException {
        // The window is the clock minute: start early in one, so that all four posts fall into it.
        while (LocalTime.now().getSecond() > 45) Thread.sleep(500);
        for (int i = 0; i < 3; i++) {
            given().contentType(Open311Client.FORM).formParam("api_key", Open311Client.KEY)
                    .post("/open311/v2/requests.json").then().statusCode(400);
        }

        var refused = given().contentType(Open311Client.FORM).formParam("api_key", Open311Client.KEY)
                .post("/open311/v2/requests.json").then()
                .statusCode(429)
                .body("[0].code", equalTo(429))
                .body("[0].description", containsString("try again in"))
                .extract();
        assertThat(Integer.parseInt(refused.header("Retry-After"))).isBetween(1, 60);

        given().contentType(Open311Client.FORM).formParam("api_key", SECOND_KEY)
                .post("/open311/v2/requests.json").then().statusCode(400);
    }

    @Inject
    DemoCounty county;

    @Test
    void postsThatOtherNodesTookCountHereToo() throws InterruptedException {
        String key = "open311-third-key";
        while (LocalTime.now().getSecond() > 45) Thread.sleep(500);
        // Another node has taken three posts of the key this minute (as its statement counts them).
        county.execute("""
                INSERT INTO open311_posts (key_sha256, minute, posts)
                VALUES (encode(sha256(convert_to(?, 'UTF8')), 'hex'), extract(epoch FROM now())::bigint / 60, 3)""", key);

        given().contentType(Open311Client.FORM).formParam("api_key", key)
                .post("/open311/v2/requests.json").then().statusCode(429);
    }
}
