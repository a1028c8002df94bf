package org.gridcc.access;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocketHandshakeException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.gridcc.cases.TestCases;
import org.gridcc.cases.TestPhotos;
import org.gridcc.grid.DemoCounty;
import org.gridcc.grid.GridLevel;
import org.gridcc.live.LiveClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

/**
 * Every role against every endpoint: allowed (anything but 401 and 403), 401 without
 * credentials, 403 outside the role; every refusal as problem+json. Scoped results are in
 * {@link AccessScopeIT}.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessMatrixIT {

    private static final String ANONYMOUS = "anonymous";
    private static final Set<String> VIEWERS = Set.of("admin", "gis", "officer", "handler", "wall");
    private static final Set<String> STAFF = Set.of("admin", "gis", "officer", "handler");
    private static final Set<String> CASE_WORKERS = Set.of("admin", "officer", "handler");
    private static final Set<String> SIGNED_IN = Set.of("admin", "gis", "officer", "handler", "wall", "open311", "worker");
    /** Open311's reads: public, answered alike with or without credentials (its clients' key is the api_key parameter). */
    private static final Set<String> EVERYONE = Set.of(ANONYMOUS, "admin", "gis", "officer", "handler", "wall", "open311", "worker");
    /** Who reads rounds and patrol reports: the desk in its scope, a worker its own. */
    private static final Set<String> FIELD_READERS = Set.of("admin", "officer", "handler", "worker");

    @Inject
    DemoCounty county;

    @TestHTTPResource("/")
    URI root;

    private final Map<String, Supplier<RequestSpecification>> callers = new LinkedHashMap<>();
    private final Map<String, String[]> liveCredentials = new LinkedHashMap<>();
    private String township, caseCode, photoCaseCode, openClientToken, workerCookie;
    private double[] point;
    private int draft;

    /** One endpoint: how to call it and who may; a multipart body is a photo, after the case as JSON when there is a body. */
    private record Row(String method, String path, String body, Set<String> allowed, boolean multipart) {
        Row(String method, String path, String body, Set<String> allowed) {
            this(method, path, body, allowed, false);
        }
    }

    private static final TestPhotos.Part PHOTO = new TestPhotos.Part("matrix.png", "image/png", TestPhotos.png(16, 16, 1));

    /** Once, before the first test (the application is up by then, unlike at @BeforeAll). */
    @BeforeEach
    void callers() {
        if (township != null) return;
        township = county.first(GridLevel.TOWNSHIP);
        point = county.pointIn(county.one("SELECT min(code) FROM grid WHERE level = 'base' AND code LIKE ? "
                + "AND version_id = (SELECT id FROM grid_version WHERE status = 'published')", township + "%"));
        // Medium risk: held by the township office, which the handler is.
        caseCode = TestCases.post(point, "land_dispute", null);
        photoCaseCode = TestPhotos.post(TestPhotos.caseJson(point, "land_dispute", "矩阵照片"), PHOTO).then().statusCode(201)
                .extract().path("code");
        var admin = TestUsers.admin();
        var gis = TestUsers.user("gis", null, null);
        var officer = TestUsers.user("officer", township, null);
        var handler = TestUsers.user("handler", null, township);
        var wall = TestUsers.tokenUser("wall");
        var client = TestUsers.tokenUser("open311");
        var worker = TestUsers.user("worker", township, null);
        callers.put(ANONYMOUS, TestUsers::anonymous);
        callers.put("admin", admin::given);
        callers.put("gis", gis::given);
        callers.put("officer", officer::given);
        callers.put("handler", handler::given);
        callers.put("wall", wall::given);
        callers.put("open311", client::given);
        callers.put("worker", worker::given);
        openClientToken = client.token();
        liveCredentials.put("admin", new String[] {"Cookie", admin.cookieHeader()});
        liveCredentials.put("gis", new String[] {"Cookie", gis.cookieHeader()});
        liveCredentials.put("officer", new String[] {"Cookie", officer.cookieHeader()});
        liveCredentials.put("handler", new String[] {"Cookie", handler.cookieHeader()});
        liveCredentials.put("wall", new String[] {"Authorization", "Bearer " + wall.token()});
        workerCookie = worker.cookieHeader();
        draft = Integer.parseInt(county.one("INSERT INTO grid_version (label, status) VALUES ('权限矩阵草稿', 'draft') RETURNING id"));
    }

    @AfterAll
    void dropDraft() {
        county.execute("DELETE FROM grid_version WHERE id = ?", draft);
    }

    private List<Row> rows() {
        String county = this.county.first(GridLevel.COUNTY);
        String newCase = """
                {"channel": "grid_worker", "category": "neighbour_dispute", "title": "矩阵", "location": {"lon": %s, "lat": %s}}"""
                .formatted(point[0], point[1]);
        String square = "{\"type\": \"Polygon\", \"coordinates\": [[[%1$s, %2$s], [%3$s, %2$s], [%3$s, %4$s], [%1$s, %4$s], [%1$s, %2$s]]]}"
                .formatted(point[0] - 0.001, point[1] - 0.001, point[0] + 0.001, point[1] + 0.001);
        String tile = "/tiles/grids/10/%d/%d.mvt".formatted((int) ((point[0] + 180) / 360 * 1024),
                (int) ((1 - Math.log(Math.tan(Math.toRadians(point[1])) + 1 / Math.cos(Math.toRadians(point[1]))) / Math.PI) / 2 * 1024));
        return List.of(
                new Row("GET", "/api/session", null, SIGNED_IN),
                new Row("PUT", "/api/session/password", "{}", Set.of("admin", "gis", "officer", "handler", "worker")),
                new Row("GET", "/api/cases", null, CASE_WORKERS),
                new Row("POST", "/api/cases", newCase, Set.of("admin", "officer")),
                new Row("POST", "/api/cases", newCase, Set.of("admin", "officer"), true),
                new Row("GET", "/api/cases/" + caseCode, null, CASE_WORKERS),
                new Row("GET", "/api/cases/" + photoCaseCode + "/media/1", null, CASE_WORKERS),
                new Row("POST", "/api/cases/" + photoCaseCode + "/media", null, CASE_WORKERS, true),
                new Row("POST", "/api/cases/" + caseCode + "/actions/supervise", "{\"reason\": \"矩阵督办\"}", CASE_WORKERS),
                new Row("GET", "/api/cases/categories", null, Set.of("admin", "gis", "officer", "handler", "wall", "worker")),
                new Row("GET", "/api/cases/words", null, Set.of("admin", "gis", "officer", "handler", "wall", "worker")),
                new Row("GET", "/api/reports/daily?grid=" + township, null, Set.of("admin", "officer")),
                new Row("GET", "/api/grids/levels", null, EVERYONE),
                new Row("GET", "/api/grids/" + county, null, VIEWERS),
                new Row("GET", "/api/grids/" + county + "/children", null, VIEWERS),
                new Row("GET", "/api/grids/at?lon=%s&lat=%s".formatted(point[0], point[1]), null, VIEWERS),
                new Row("GET", "/api/grids/" + township + "/hotspot", null, VIEWERS),
                new Row("POST", "/api/households/count", square, Set.of("admin", "gis", "officer")),
                new Row("GET", tile, null, VIEWERS),
                new Row("GET", tile + "?v=" + draft, null, Set.of("admin", "gis")),
                new Row("GET", "/api/events?after=0&limit=5", null, VIEWERS),
                new Row("GET", "/api/calendar/2026", null, STAFF),
                new Row("PUT", "/api/calendar/2026", "{}", Set.of("admin")),
                new Row("GET", "/api/boundaries/drafts", null, Set.of("admin", "gis")),
                new Row("GET", "/api/boundaries/versions", null, Set.of("admin", "gis")),
                new Row("POST", "/api/boundaries/versions/" + draft + "/rollback", null, Set.of("admin", "gis")),
                new Row("GET", "/api/users", null, Set.of("admin")),
                new Row("POST", "/api/users", "{}", Set.of("admin")),
                new Row("GET", "/api/audit", null, Set.of("admin")),
                new Row("POST", "/api/rounds", "{}", Set.of("admin", "officer", "worker")),
                new Row("GET", "/api/rounds", null, FIELD_READERS),
                new Row("GET", "/api/rounds/0", null, FIELD_READERS),
                new Row("POST", "/api/rounds/0/findings/1/case", null, Set.of("admin", "officer", "worker")),
                new Row("GET", "/api/rounds/schedule", null, CASE_WORKERS),
                new Row("PUT", "/api/rounds/schedule/base", "{}", Set.of("admin")),
                new Row("GET", "/api/rounds/missed?grid=" + township, null, CASE_WORKERS),
                new Row("GET", "/api/rounds/completion?grid=" + township, null, CASE_WORKERS),
                new Row("POST", "/api/patrol-reports", "{}", Set.of("worker")),
                new Row("GET", "/api/patrol-reports", null, FIELD_READERS),
                new Row("GET", "/api/patrol-reports/0", null, FIELD_READERS),
                new Row("POST", "/api/patrol-reports/0/findings/1/case", null, Set.of("admin", "officer", "worker")),
                new Row("GET", "/api/patrol-reports/missing?grid=" + township, null, CASE_WORKERS),
                new Row("GET", "/api/patrol-reports/counts?grid=" + township, null, CASE_WORKERS),
                new Row("POST", "/api/risk-register", "{}", Set.of("admin", "officer")),
                new Row("GET", "/api/risk-register?grid=" + township, null, CASE_WORKERS),
                new Row("GET", "/api/risk-register/0", null, CASE_WORKERS),
                new Row("POST", "/api/risk-register/0/reviews", "{}", CASE_WORKERS),
                new Row("GET", "/api/risk-register/counts?grid=" + township, null, Set.of("admin", "officer", "handler", "wall")),
                new Row("GET", "/api/risk-register/reports/weekly?grid=" + township, null, CASE_WORKERS),
                new Row("GET", "/open311/v2/requests.json", null, EVERYONE),
                new Row("GET", "/open311/v2/requests/" + caseCode + ".xml", null, EVERYONE),
                new Row("GET", "/open311/v2/servicerequestupdates.json", null, EVERYONE),
                new Row("GET", "/open311/v2/servicerequestupdates.xml", null, EVERYONE));
    }

    @TestFactory
    Stream<DynamicTest> everyRoleAgainstEveryEndpoint() {
        var tests = new ArrayList<DynamicTest>();
        for (Row row : rows()) {
            for (String role : callers.keySet()) {
                tests.add(DynamicTest.dynamicTest(role + " " + row.method() + " " + row.path() + (row.multipart() ? " (multipart)" : ""),
                        () -> check(row, role)));
            }
        }
        return tests.stream();
    }

    private void check(Row row, String role) {
        RequestSpecification request = callers.get(role).get();
        if (row.multipart()) TestPhotos.form(request, row.body(), PHOTO);
        else if (row.body() != null) request.contentType("application/json").body(row.body());
        Response answer = request.request(row.method(), row.path());
        int status = answer.statusCode();
        if (row.allowed().contains(ANONYMOUS)) {
            assertThat(status).as("public, answered %s", answer.asString()).isEqualTo(200);
            return;
        }
        if (role.equals(ANONYMOUS)) {
            assertThat(status).as("without credentials").isEqualTo(401);
            assertThat(answer.header("WWW-Authenticate")).startsWith("Bearer");
        } else if (row.allowed().contains(role)) {
            assertThat(status).as("allowed, answered %s", answer.asString()).isNotIn(401, 403);
            return;
        } else {
            assertThat(status).as("outside the role, answered %s", answer.asString()).isEqualTo(403);
        }
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.<String>path("detail")).isNotBlank();
    }

    @TestFactory
    Stream<DynamicTest> theLiveMapIsForSignedInViewersOnly() {
        var tests = new ArrayList<DynamicTest>();
        tests.add(DynamicTest.dynamicTest("anonymous /live", () -> {
            var refused = org.junit.jupiter.api.Assertions.assertThrows(CompletionException.class, () ->
                    HttpClient.newHttpClient().newWebSocketBuilder()
                            .buildAsync(URI.create("ws://localhost:" + root.getPort() + "/live"), new java.net.http.WebSocket.Listener() {})
                            .join());
            assertThat(refused.getCause()).isInstanceOf(WebSocketHandshakeException.class);
            assertThat(((WebSocketHandshakeException) refused.getCause()).getResponse().statusCode()).isEqualTo(401);
        }));
        liveCredentials.forEach((role, header) -> tests.add(DynamicTest.dynamicTest(role + " /live", () -> {
            try (var live = LiveClient.connect(root.getPort(), "", header[0], header[1])) {
                assertThat(live.awaitType("snapshot").getJsonObject("grids")).isNotNull();
            }
        })));
        tests.add(DynamicTest.dynamicTest("open311 /live", () -> closedWithoutSnapshot("Authorization", "Bearer " + openClientToken)));
        tests.add(DynamicTest.dynamicTest("worker /live", () -> closedWithoutSnapshot("Cookie", workerCookie)));
        return tests.stream();
    }

    /** A role without a live map: its socket is closed before any snapshot. */
    private void closedWithoutSnapshot(String header, String value) throws Exception {
        try (var live = LiveClient.connect(root.getPort(), "", header, value)) {
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (!live.isClosed() && System.nanoTime() < deadline) Thread.sleep(20);
            assertThat(live.isClosed()).as("the socket is closed").isTrue();
            assertThat(live.frames()).noneMatch(frame -> "snapshot".equals(frame.getString("type")));
        }
    }
}
