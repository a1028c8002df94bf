package org.gridcc.cases;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.gridcc.cases.TestPhotos.Part;
import static org.gridcc.cases.TestPhotos.caseJson;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.gridcc.access.TestUsers;
import org.gridcc.grid.DemoCounty;
import org.gridcc.grid.GridLevel;
import org.junit.jupiter.api.Test;

/**
 * Photos with a case (POST /api/cases as multipart/form-data): stored with the case in one
 * statement, typed by their bytes, held to the limits of the test profile (5 photos of at most
 * 256 KB), served under the case's access rules. A refused request stores nothing.
 */
@QuarkusTest
class CaseMediaIT {

    @Inject
    DemoCounty county;

    @TestHTTPResource("/")
    URI root;

    private double[] point() {
        return county.pointIn(county.first(GridLevel.BASE));
    }

    private static String title() {
        return "照片" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void aCaseTakesItsPhotosInWithItAndEachIsServedAsItsBytesAreWhateverTheClientDeclared() {
        byte[] png = TestPhotos.png(40, 30, 1), jpeg = TestPhotos.jpeg(64, 48);
        // The PNG is declared a JPEG named .jpg: its bytes decide.
        JsonPath taken = TestPhotos.post(caseJson(point(), "urban_management", title()),
                        new Part("IMG_0001.jpg", "image/jpeg", png), new Part("IMG_0002.jpg", "image/jpeg", jpeg),
                        new Part("sticker", "application/octet-stream", TestPhotos.WEBP))
                .then().statusCode(201).body("media", hasSize(3)).extract().jsonPath();
        String code = taken.getString("code");
        assertThat(taken.getList("media.contentType", String.class)).containsExactly("image/png", "image/jpeg", "image/webp");
        assertThat(taken.getList("media.size", Integer.class)).containsExactly(png.length, jpeg.length, TestPhotos.WEBP.length);
        assertThat(taken.getList("media.url", String.class)).containsExactly(
                "/api/cases/" + code + "/media/1", "/api/cases/" + code + "/media/2", "/api/cases/" + code + "/media/3");

        // Its history shows them attached at intake: number, type, size and SHA-256, never the bytes.
        List<Map<String, Object>> received = taken.getList("history[0].payload.media");
        assertThat(received).extracting(m -> m.get("n"), m -> m.get("contentType"), m -> m.get("size"), m -> m.get("sha256"))
                .containsExactly(tuple(1, "image/png", png.length, TestPhotos.sha256(png)),
                        tuple(2, "image/jpeg", jpeg.length, TestPhotos.sha256(jpeg)),
                        tuple(3, "image/webp", TestPhotos.WEBP.length, TestPhotos.sha256(TestPhotos.WEBP)));
        // Read again, the case lists the same photos.
        JsonPath read = given().get("/api/cases/" + code).then().statusCode(200).extract().jsonPath();
        assertThat(read.getList("media.url", String.class)).isEqualTo(taken.getList("media.url", String.class));
        assertThat(read.getList("history[0].payload.media")).isEqualTo(received);

        var first = given().get("/api/cases/" + code + "/media/1").then().statusCode(200)
                .contentType("image/png").header("Cache-Control", "private, no-store").header("X-Content-Type-Options", "nosniff")
                .header("Content-Disposition", containsString(code + "-1.png")).extract();
        assertThat(first.asByteArray()).isEqualTo(png);
        assertThat(given().get("/api/cases/" + code + "/media/2").then().statusCode(200).contentType("image/jpeg")
                .extract().asByteArray()).isEqualTo(jpeg);
        assertThat(given().get("/api/cases/" + code + "/media/3").then().statusCode(200).contentType("image/webp")
                .extract().asByteArray()).isEqualTo(TestPhotos.WEBP);
        assertThat(county.list("SELECT sha256 FROM case_media m JOIN \"case\" c ON c.id = m.case_id WHERE c.code = ? ORDER BY ordinal", code))
                .containsExactly(TestPhotos.sha256(png), TestPhotos.sha256(jpeg), TestPhotos.sha256(TestPhotos.WEBP));

        given().get("/api/cases/" + code + "/media/4").then().statusCode(404).contentType("application/problem+json")
                .body("detail", containsString("3 photos"));
    }

    @Test
    void aCaseSentAsJsonHasNoPhotos() {
        String code = TestCases.post(point(), "urban_management", null);
        given().get("/api/cases/" + code).then().statusCode(200).body("media", hasSize(0));
        given().get("/api/cases/" + code + "/media/1").then().statusCode(404).body("detail", containsString("no photos"));
    }

    @Test
    void aFileThatIsNotAnImageIsRefusedWhateverItsNameAndNothingIsStored() {
        String title = title();
        long photos = photos();
        byte[] text = "这不是照片，只是改了名字的文本。".getBytes(StandardCharsets.UTF_8);
        TestPhotos.post(caseJson(point(), "urban_management", title), new Part("a.png", "image/png", TestPhotos.png(8, 8, 2)),
                        new Part("photo.jpg", "image/jpeg", text))
                .then().statusCode(415).contentType("application/problem+json")
                .body("errors", hasSize(1)).body("errors[0].field", equalTo("media[1]"))
                .body("errors[0].message", containsString("\"photo.jpg\" is not a JPEG, PNG or WebP image"));
        assertNothingStored(title, photos);
    }

    @Test
    void aPhotoOverTheSizeLimitIsRefusedNamingTheLimitAndNothingIsStored() {
        String title = title();
        long photos = photos();
        byte[] large = TestPhotos.noisePng(300, 300);
        assertThat(large.length).isGreaterThan(256 * 1024);
        TestPhotos.post(caseJson(point(), "urban_management", title), new Part("large.png", "image/png", large))
                .then().statusCode(413).contentType("application/problem+json")
                .body("detail", containsString("at most 256 KB")).body("maxPhotoSize", equalTo(256 * 1024))
                .body("errors[0].field", equalTo("media[0]"))
                .body("errors[0].message", containsString("\"large.png\" is " + (large.length + 1023) / 1024 + " KB; a photo may be at most 256 KB"));
        assertNothingStored(title, photos);
    }

    @Test
    void moreThanFivePhotosAreRefusedNamingTheLimitAndNothingIsStored() {
        String title = title();
        long photos = photos();
        Part[] six = new Part[6];
        for (int i = 0; i < six.length; i++) six[i] = new Part("p" + i + ".png", "image/png", TestPhotos.png(4, 4, i));
        TestPhotos.post(caseJson(point(), "urban_management", title), six)
                .then().statusCode(413).contentType("application/problem+json")
                .body("detail", containsString("6 photos were sent; at most 5")).body("maxPhotos", equalTo(5))
                .body("errors[0].field", equalTo("media"));
        assertNothingStored(title, photos);

        // Five are taken.
        TestPhotos.post(caseJson(point(), "urban_management", title), Arrays.copyOf(six, 5))
                .then().statusCode(201).body("media", hasSize(5));
    }

    @Test
    void aFormLargerThanItsPhotosMayBeIsRefusedBeforeItIsReadNamingTheLimits() {
        String title = title();
        long photos = photos();
        // 5 parts of 500 KB: more than 5 photos of 256 KB and 1 MB besides (2,359,296 bytes) may be.
        Part[] five = new Part[5];
        for (int i = 0; i < five.length; i++) five[i] = new Part("p" + i + ".jpg", "image/jpeg", new byte[500 * 1024]);
        var answer = TestPhotos.postWithLength(root.resolve("/api/cases"), Map.of("case", caseJson(point(), "urban_management", title)), five);
        assertThat(answer.statusCode()).isEqualTo(413);
        assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonPath problem = new JsonPath(answer.body());
        assertThat(problem.getString("detail")).contains("The form is 2,56", "bytes; with its photos it may be at most 2,359,296: "
                + "5 photos (gridcc.media.max-photos) of at most 256 KB (gridcc.media.max-photo-size), and 1 MB for the rest");
        assertThat(problem.getInt("maxBytes")).isEqualTo(2_359_296);
        assertThat(problem.getString("errors[0].field")).isEqualTo("media");
        assertNothingStored(title, photos);
        // Sent without a length, it is read, and its photos are refused one by one.
        TestPhotos.post(caseJson(point(), "urban_management", title), five).then().statusCode(413)
                .body("errors[4].message", containsString("a photo may be at most 256 KB"));
        assertNothingStored(title, photos);
    }

    @Test
    void aCaseThatCannotBeStoredLeavesNoPhotosAndPhotosThatCannotBeStoredLeaveNoCase() {
        long photos = photos();
        String outside = title();
        TestPhotos.post(caseJson(new double[] {100.0, 20.0}, "urban_management", outside), new Part("a.png", "image/png", TestPhotos.png(8, 8, 3)))
                .then().statusCode(422);
        assertNothingStored(outside, photos);

        // The database refuses this one photo: the case with it is not stored either.
        byte[] refused = TestPhotos.png(9, 9, 4);
        county.execute("CREATE FUNCTION test_refuse_photo() RETURNS trigger LANGUAGE plpgsql AS $$ "
                + "BEGIN RAISE EXCEPTION 'test: this photo is refused'; END $$");
        county.execute("CREATE TRIGGER test_refuse_photo BEFORE INSERT ON case_media FOR EACH ROW WHEN (NEW.sha256 = '"
                + TestPhotos.sha256(refused) + "') EXECUTE FUNCTION test_refuse_photo()");
        String title = title();
        try {
            TestPhotos.post(caseJson(point(), "urban_management", title), new Part("ok.png", "image/png", TestPhotos.png(8, 8, 5)),
                    new Part("refused.png", "image/png", refused)).then().statusCode(500);
        } finally {
            county.execute("DROP TRIGGER test_refuse_photo ON case_media");
            county.execute("DROP FUNCTION test_refuse_photo()");
        }
        assertNothingStored(title, photos);
        assertThat(county.count("SELECT count(*) FROM case_event e JOIN \"case\" c ON c.id = e.case_id WHERE c.title = ?", title)).isZero();
    }

    @Test
    void theSameIdempotencyKeyWithTheSamePhotosGivesTheSameCaseAndWithOtherPhotosAConflict() {
        String json = caseJson(point(), "urban_management", title());
        Part photo = new Part("a.png", "image/png", TestPhotos.png(8, 8, 6));
        String key = UUID.randomUUID().toString();
        String code = TestPhotos.form(json, photo).header("Idempotency-Key", key).post("/api/cases").then().statusCode(201)
                .extract().path("code");
        TestPhotos.form(json, photo).header("Idempotency-Key", key).post("/api/cases").then().statusCode(200)
                .body("code", equalTo(code)).body("media", hasSize(1));
        TestPhotos.form(json, new Part("a.png", "image/png", TestPhotos.png(8, 8, 7))).header("Idempotency-Key", key)
                .post("/api/cases").then().statusCode(409).body("detail", containsString(code));
        assertThat(county.count("SELECT count(*) FROM case_media m JOIN \"case\" c ON c.id = m.case_id WHERE c.code = ?", code)).isEqualTo(1);
    }

    @Test
    void theCasePartIsHeldToTheRulesOfAJsonBody() {
        Part photo = new Part("a.png", "image/png", TestPhotos.png(8, 8, 8));
        long photos = photos();
        TestPhotos.post("{\"channel\": \"grid_worker\", \"category\": \"urban_management\", \"titel\": \"错字\"}", photo)
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("titel"));
        TestPhotos.post("{\"channel\": \"grid_worker\", \"category\": \"urban_management\", \"location\": {\"lon\": 104, \"lat\": 25}}", photo)
                .then().statusCode(400).body("type", equalTo("urn:gridcc:problem:validation-failed")).body("errors[0].field", equalTo("title"));
        TestPhotos.post("{\"channel\": ", photo).then().statusCode(400).body("type", equalTo("urn:gridcc:problem:malformed-json"));
        given().contentType("multipart/form-data").multiPart("media", "a.png", photo.bytes(), "image/png").post("/api/cases")
                .then().statusCode(400).body("errors[0].field", equalTo("case")).body("errors[0].message", equalTo("missing"));
        TestPhotos.form(caseJson(point(), "urban_management", title()), photo).multiPart("photo", "b.png", photo.bytes(), "image/png")
                .post("/api/cases").then().statusCode(400).body("errors[0].field", equalTo("photo"))
                .body("detail", containsString("\"case\" and \"media\""));
        assertThat(photos()).isEqualTo(photos);
    }

    @Test
    void aPhotoIsServedUnderTheCasesAccessRules() {
        List<String> townships = twoTownships();
        double[] at = pointUnder(townships.get(0));
        // Medium risk: held by the township office.
        String code = TestPhotos.post(caseJson(at, "land_dispute", title()), new Part("a.png", "image/png", TestPhotos.png(8, 8, 9)))
                .then().statusCode(201).extract().path("code");
        String photo = "/api/cases/" + code + "/media/1";
        TestUsers.user("officer", townships.get(0), null).given().get(photo).then().statusCode(200).contentType("image/png");
        TestUsers.user("handler", null, townships.get(0)).given().get(photo).then().statusCode(200);
        TestUsers.user("officer", townships.get(1), null).given().get(photo).then().statusCode(403)
                .contentType("application/problem+json").body("detail", containsString("not yours to see"));
        TestUsers.user("handler", null, townships.get(1)).given().get(photo).then().statusCode(403);
        TestUsers.anonymous().get(photo).then().statusCode(401);

        // A confidential report (检举控告): its photos, like its reporter, only for the unit handling it.
        JsonPath report = TestPhotos.post(caseJson(at, "report_official", title()), new Part("a.jpg", "image/jpeg", TestPhotos.jpeg(16, 16)))
                .then().statusCode(201).body("reporterAccess", equalTo("withheld")).extract().jsonPath();
        assertThat(report.getList("media")).hasSize(1);
        assertThat(report.getString("media[0].url")).isNull();
        String reported = "/api/cases/" + report.getString("code") + "/media/1";
        given().get(reported).then().statusCode(403).body("detail", containsString("检举控告"));
        var handler = TestUsers.user("handler", null, county.first(GridLevel.COUNTY) + "-report_official");
        handler.given().get("/api/cases/" + report.getString("code")).then().statusCode(200)
                .body("media[0].url", equalTo(reported)).body("media[0].contentType", equalTo("image/jpeg"));
        handler.given().get(reported).then().statusCode(200).contentType("image/jpeg");
        given().get("/api/cases/" + report.getString("code")).then().body("media[0].url", nullValue());
    }

    @Test
    void photosAreAddedToAnOpenCaseByWhoeverMayActOnItNumberedAfterTheOthersWithAnEvent() {
        List<String> townships = twoTownships();
        double[] at = pointUnder(townships.get(0));
        JsonPath taken = TestPhotos.post(caseJson(at, "land_dispute", title()), new Part("a.png", "image/png", TestPhotos.png(8, 8, 40)))
                .then().statusCode(201).extract().jsonPath();
        String code = taken.getString("code");
        var handler = TestUsers.user("handler", null, townships.get(0));
        byte[] after = TestPhotos.jpeg(32, 32);
        JsonPath added = addPhotos(handler.given(), code, new Part("整改后.jpg", "image/jpeg", after), new Part("b.png", "image/png", TestPhotos.png(8, 8, 41)))
                .then().statusCode(200).header("ETag", equalTo("\"" + (taken.getInt("version") + 1) + "\""))
                .body("media.n", equalTo(List.of(1, 2, 3))).body("media[1].contentType", equalTo("image/jpeg"))
                .extract().jsonPath();
        assertThat(added.getString("history[-1].type")).isEqualTo("MEDIA_ADDED");
        assertThat(added.getString("history[-1].actor")).endsWith("(" + handler.username() + ")");
        assertThat(added.getList("history[-1].payload.media.n", Integer.class)).containsExactly(2, 3);
        assertThat(added.getString("history[-1].payload.media[0].sha256")).isEqualTo(TestPhotos.sha256(after));
        assertThat(handler.given().get("/api/cases/" + code + "/media/2").then().statusCode(200).extract().asByteArray()).isEqualTo(after);

        // Not for one who may not act on it; not a file that is not a photo; nothing stored either time.
        long photos = photos();
        addPhotos(TestUsers.user("handler", null, townships.get(1)).given(), code, new Part("c.png", "image/png", TestPhotos.png(8, 8, 42)))
                .then().statusCode(403);
        addPhotos(given(), code, new Part("c.jpg", "image/jpeg", "文本".getBytes(StandardCharsets.UTF_8)))
                .then().statusCode(415).body("errors[0].field", equalTo("media[0]"));
        given().contentType("multipart/form-data").multiPart("note", "无照片").post("/api/cases/" + code + "/media")
                .then().statusCode(400).body("errors[0].field", equalTo("note"));
        assertThat(photos()).isEqualTo(photos);

        // At most 8 in all in the test profile (gridcc.media.max-per-case): 3 kept, 5 more fit, 6 do not.
        Part[] six = new Part[6];
        for (int i = 0; i < six.length; i++) six[i] = new Part("p" + i + ".png", "image/png", TestPhotos.png(4, 4, 50 + i));
        addPhotos(given(), code, six).then().statusCode(413);
        addPhotos(given(), code, Arrays.copyOf(six, 5)).then().statusCode(200).body("media", hasSize(8));
        addPhotos(given(), code, six[5]).then().statusCode(413).contentType("application/problem+json")
                .body("detail", containsString("at most 8")).body("maxPerCase", equalTo(8));

        // A closed case takes no more.
        String closed = TestCases.post(at, "consultation", null);
        given().contentType("application/json").body("{\"reason\": \"不属于受理范围\"}").post("/api/cases/" + closed + "/actions/reject")
                .then().statusCode(200);
        addPhotos(given(), closed, six[0]).then().statusCode(409).body("detail", containsString("closed"));
    }

    private static Response addPhotos(RequestSpecification request, String code, Part... photos) {
        return TestPhotos.form(request, null, photos).post("/api/cases/" + code + "/media");
    }

    private List<String> twoTownships() {
        return county.list("SELECT code FROM grid WHERE level = 'township' "
                + "AND version_id = (SELECT id FROM grid_version WHERE status = 'published') ORDER BY code LIMIT 2");
    }

    private double[] pointUnder(String township) {
        return county.pointIn(county.one("SELECT min(code) FROM grid WHERE level = 'base' AND code LIKE ? "
                + "AND version_id = (SELECT id FROM grid_version WHERE status = 'published')", township + "%"));
    }

    private long photos() {
        return county.count("SELECT count(*) FROM case_media");
    }

    private void assertNothingStored(String title, long photosBefore) {
        assertThat(county.count("SELECT count(*) FROM \"case\" WHERE title = ?", title)).as("cases titled " + title).isZero();
        assertThat(photos()).as("photos stored").isEqualTo(photosBefore);
    }
}
