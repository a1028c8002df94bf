package org.gridcc.common;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.gridcc.access.TestUsers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A PostgreSQL outage, made by cutting (or stalling) the real cluster's connections through a
 * proxy: every way to the database answers 503 with Retry-After and a problem type of its own, the
 * log keeps to a few lines, and the audit entries of what was refused meanwhile are written once
 * the database is back.
 */
@QuarkusTest
@WithTestResource(DatabaseBehindProxy.class)
class OutageIT {

    private static final Path LOG = Path.of("target/quarkus-test.log");

    /** The test cluster itself, not through the proxy (the service's own pools may hold connections the cut broke). */
    private static List<String> query(String sql, Object... args) throws SQLException {
        String url = "jdbc:postgresql://127.0.0.1:%s/%s".formatted(System.getenv().getOrDefault("GRIDCC_PG_PORT", "55432"),
                System.getenv().getOrDefault("GRIDCC_TEST_DB_NAME", "gridcc_test"));
        try (Connection c = DriverManager.getConnection(url, "gridcc", "gridcc"); var statement = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) statement.setObject(i + 1, args[i]);
            try (var rows = statement.executeQuery()) {
                var values = new java.util.ArrayList<String>();
                while (rows.next()) values.add(rows.getString(1));
                return values;
            }
        }
    }

    @AfterEach
    void databaseIsBack() throws Exception {
        DatabaseBehindProxy.proxy().restore();
        awaitAnswer("/api/cases", 200);
    }

    @Test
    void everyWayToTheDatabaseAnswers503WithRetryAfter() throws Exception {
        var unusedToken = TestUsers.tokenUser("wall");
        signedInNow();
        DatabaseBehindProxy.proxy().cut();

        for (String path : List.of("/api/cases", "/api/calendar/2099", "/api/boundaries/versions")) {
            // the reactive client, Hibernate Reactive (a year never read, so not kept in memory), JDBC (Agroal)
            unavailable(given().get(path), path);
        }
        // A token not seen before: finding who it stands for needs the database too.
        unavailable(unusedToken.given().get("/api/grids/530324"), "/api/grids/530324");
        // Open311 clients read their own error list: a 503 there too, not a 500.
        given().get("/open311/v2/requests.json").then().statusCode(503).header("Retry-After", "5")
                .body("[0].code", equalTo(503)).body("[0].description", containsString("Try again in 5 seconds"));

        DatabaseBehindProxy.proxy().restore();
        awaitAnswer("/api/cases", 200);
    }

    @Test
    void aPoolThatGivesNoConnectionInTimeIsA503Too() {
        signedInNow();
        DatabaseBehindProxy.proxy().stall();
        unavailable(given().get("/api/cases"), "/api/cases");
        unavailable(given().get("/api/boundaries/versions"), "/api/boundaries/versions");
    }

    @Test
    void aShortOutageLeavesAFewLinesInTheLog() throws Exception {
        signedInNow();
        long before = Files.size(LOG);
        DatabaseBehindProxy.proxy().cut();
        for (int i = 0; i < 40; i++) given().get("/api/cases").then().statusCode(503);
        DatabaseBehindProxy.proxy().restore();
        awaitAnswer("/api/cases", 200);
        // Each query of the outage left the pool a timer that fires once the acquisition timeout is past.
        Thread.sleep(Duration.ofSeconds(DatabaseBehindProxy.ACQUISITION_TIMEOUT_SECONDS * 2L).toMillis());

        List<String> lines = logSince(before);
        assertThat(lines).noneMatch(line -> line.contains("Result is already complete"));
        assertThat(lines).noneMatch(line -> line.startsWith("\tat "));
        // 40 refusals: one line at most every 10 s, counting the ones between.
        assertThat(lines).hasSizeLessThan(10);
    }

    @Test
    void auditEntriesOfChangesRefusedDuringAnOutageAreWrittenWhenItIsBack() throws Exception {
        String action = "DELETE /api/boundaries/drafts/987654";
        assertThat(query("SELECT action FROM audit_entry WHERE action = ?", action)).isEmpty();
        signedInNow();
        DatabaseBehindProxy.proxy().cut();
        given().delete("/api/boundaries/drafts/987654").then().statusCode(503);
        Instant restoredAt = Instant.now();
        DatabaseBehindProxy.proxy().restore();

        Instant deadline = Instant.now().plusSeconds(30);
        while (query("SELECT action FROM audit_entry WHERE action = ?", action).isEmpty() && Instant.now().isBefore(deadline)) {
            Thread.sleep(200);
        }
        assertThat(query("SELECT outcome || ' ' || actor || ' ' || (detail->>'status') FROM audit_entry WHERE action = ?", action))
                .containsExactly("failed admin 503");
        // Written once the database was back, with the time it happened.
        assertThat(Instant.parse(query("SELECT to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"') FROM audit_entry"
                + " WHERE action = ?", action).get(0))).isBefore(restoredAt);
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("gridcc_audit_entries_lost_total 0.0"));
    }

    /** Who the admin's session stands for is looked up now, so that the outage's requests are the admin's. */
    private static void signedInNow() {
        given().get("/api/cases").then().statusCode(200);
    }

    private static void unavailable(io.restassured.response.Response answer, String path) {
        answer.then()
                .statusCode(503)
                .contentType("application/problem+json")
                .header("Retry-After", "5")
                .body("type", equalTo("urn:gridcc:problem:database-unavailable"))
                .body("retryAfterSeconds", equalTo(5))
                .body("instance", equalTo(path))
                .body("detail", containsString("Try again in 5 seconds"));
    }

    private static void awaitAnswer(String path, int status) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(30);
        while (given().get(path).statusCode() != status && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
        }
        given().get(path).then().statusCode(status);
    }

    private static List<String> logSince(long offset) throws IOException {
        byte[] all = Files.readAllBytes(LOG);
        return new String(all, (int) offset, all.length - (int) offset, StandardCharsets.UTF_8).lines().toList();
    }
}
