package org.gridcc.cases;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.gridcc.common.MovableClock;
import org.gridcc.grid.DemoCounty;
import org.gridcc.grid.GridLevel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The sweeper warns before a deadline and marks it overdue after, once per deadline, on the service clock. */
@QuarkusTest
class DeadlineSweeperIT {

    @Inject
    DeadlineSweeper sweeper;

    @Inject
    MovableClock clock;

    @Inject
    DemoCounty county;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    /** A Luoping case received an hour ago: claim due in 23 h, warned from 18 h after receipt (the last quarter). */
    private String caseReceivedAnHourAgo() {
        double[] p = county.pointIn(county.first(GridLevel.BASE));
        String receivedAt = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS).toString();
        return given().contentType("application/json").body("""
                        {"channel": "window", "category": "neighbour_dispute", "title": "噪音扰民", "receivedAt": "%s",
                         "location": {"lon": %s, "lat": %s}}""".formatted(receivedAt, p[0], p[1]))
                .post("/api/cases").then().statusCode(201).extract().path("code");
    }

    private static List<String> alerts(String code) {
        return given().get("/api/cases/" + code).then().statusCode(200).extract()
                .path("history.findAll { it.type == 'WARNED' || it.type == 'OVERDUE' }.collect { it.type + ' ' + it.payload.kind }");
    }

    private void sweepAt(Duration ahead) {
        clock.reset();
        clock.moveAhead(ahead);
        sweeper.sweep().await().atMost(Duration.ofSeconds(30));
    }

    @Test
    void aDeadlineIsWarnedThenOverdueEachOnce() {
        String code = caseReceivedAnHourAgo();

        sweepAt(Duration.ZERO);
        assertThat(alerts(code)).isEmpty();

        sweepAt(Duration.ofHours(18));
        sweepAt(Duration.ofHours(18));
        assertThat(alerts(code)).containsExactly("WARNED CLAIM");

        sweepAt(Duration.ofHours(24));
        sweepAt(Duration.ofHours(25));
        assertThat(alerts(code)).containsExactly("WARNED CLAIM", "OVERDUE CLAIM");
    }

    @Test
    void aSweepThatMissedTheWarningWritesBothInOrder() {
        String code = caseReceivedAnHourAgo();

        sweepAt(Duration.ofHours(30));

        assertThat(alerts(code)).containsExactly("WARNED CLAIM", "OVERDUE CLAIM");
    }

    @Test
    void aMetDeadlineIsNeitherWarnedNorOverdue() {
        String code = caseReceivedAnHourAgo();
        String unit = given().get("/api/cases/" + code).then().extract().path("unit.code");
        given().contentType("application/json").body("{\"actor\": \"c\", \"unit\": \"%s\"}".formatted(unit))
                .post("/api/cases/" + code + "/actions/dispatch").then().statusCode(200);
        given().contentType("application/json").body("{\"actor\": \"u\", \"unit\": \"%s\"}".formatted(unit))
                .post("/api/cases/" + code + "/actions/claim").then().statusCode(200);

        sweepAt(Duration.ofHours(30));

        assertThat(alerts(code)).doesNotContain("WARNED CLAIM", "OVERDUE CLAIM");
    }

    @Test
    void overlappingSweepsWriteEachAlertOnce() {
        String code = caseReceivedAnHourAgo();
        clock.moveAhead(Duration.ofHours(30));

        Uni.combine().all().unis(sweeper.sweep(), sweeper.sweep(), sweeper.sweep()).asTuple().await().atMost(Duration.ofSeconds(30));

        assertThat(alerts(code)).containsExactly("WARNED CLAIM", "OVERDUE CLAIM");
    }
}
