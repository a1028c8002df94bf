package org.gridcc.health;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What operators and client authors rely on: readiness, the API description, metrics, security headers. */
@QuarkusTest
class OperationsIT {

    @Test
    void readinessChecksTheDatabaseAndReportsThePostgisVersion() {
        given().get("/q/health/ready").then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.find { it.name == 'PostGIS' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'PostGIS' }.data.postgis", matchesPattern("3\\.\\d+\\.\\d+.*"))
                .body("checks.find { it.name == 'PostGIS' }.data.postgresql", matchesPattern("15\\..*"));
    }

    @Test
    void theOpenApiDescriptionComesFromTheCode() {
        given().accept("application/json").get("/q/openapi").then()
                .statusCode(200)
                .body("info.title", equalTo("gridcc API"))
                .body("paths", hasKey("/api/calendar/{year}"))
                .body("paths", hasKey("/api/boundaries/drafts"))
                .body("paths.'/api/boundaries/drafts'.post.requestBody.content", hasKey("multipart/form-data"))
                .body("paths", hasKey("/api/boundaries/versions/{version}/rollback"))
                .body("paths", hasKey("/api/users/{username}/tokens"))
                .body("paths", hasKey("/api/audit"))
                .body("components.securitySchemes.bearer.scheme", equalTo("bearer"))
                .body("components.securitySchemes.session.in", equalTo("cookie"))
                .body("paths.'/api/cases'.get.security.size()", org.hamcrest.Matchers.greaterThan(0));
    }

    @Test
    void everyAnswerCarriesTheSecurityHeadersAndThePagesAContentSecurityPolicy() {
        for (String path : List.of("/api/grids/530324", "/api/cases/nothing-here", "/wall", "/gis")) {
            given().get(path).then()
                    .header("X-Content-Type-Options", "nosniff")
                    .header("X-Frame-Options", "DENY")
                    .header("Referrer-Policy", "same-origin");
        }
        for (String page : List.of("/", "/wall", "/desk", "/gis", "/wall/")) {
            given().get(page).then().statusCode(200)
                    .header("Content-Security-Policy", containsString("default-src 'self'"))
                    .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
                    .header("Content-Security-Policy", containsString("worker-src 'self' blob:"));
        }
        // Swagger UI runs inline scripts of its own: no page policy there.
        given().get("/q/swagger-ui/").then().statusCode(200).header("Content-Security-Policy", nullValue());
    }

    @Test
    void swaggerUiIsServed() {
        given().get("/q/swagger-ui/").then().statusCode(200).body(containsString("swagger-ui"));
    }

    @Test
    void metricsAreInPrometheusFormat() {
        given().get("/api/calendar/2026").then().statusCode(200);
        given().get("/q/metrics").then()
                .statusCode(200)
                .contentType(anyOf(startsWith("text/plain"), startsWith("application/openmetrics-text")))
                .body(containsString("http_server_requests_seconds_count{"))
                .body(containsString("uri=\"/api/calendar/{year}\""));
    }

    /** Vert.x would record a sample per write to a socket: per /live frame to every wall (MetricsKept). */
    @Test
    void theHttpServersByteSizesAreNotRecorded() {
        given().get("/api/calendar/2026").then().statusCode(200);
        given().get("/q/metrics").then()
                .statusCode(200)
                .body(containsString("http_server_requests_seconds_count{"))
                .body(not(containsString("http_server_bytes_written")))
                .body(not(containsString("http_server_bytes_read")));
    }
}
