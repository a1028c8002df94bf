package org.gridcc.cases.open311;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.builder.MultiPartSpecBuilder;
import io.restassured.path.xml.XmlPath;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.gridcc.access.TestUsers;
import org.gridcc.cases.TestPhotos;
import org.gridcc.grid.DemoCounty;
import org.gridcc.grid.GridLevel;
import org.junit.jupiter.api.Test;

/**
 * Requests posted with photos as multipart media parts, as Open311 clients send them: kept with
 * the case under the same limits as the API's, and shown (media_url, the photo itself) only to
 * the client that posted them.
 */
@QuarkusTest
class Open311MediaIT {

    @Inject
    DemoCounty county;

    @TestHTTPResource("/")
    URI root;

    /** The fields of a request as text parts of a multipart form, with this key. */
    private RequestSpecification multipart(String key) {
        return multipart(key, "urban_management");
    }

    private RequestSpecification multipart(String key, String service) {
        double[] at = county.pointIn(county.first(GridLevel.BASE));
        RequestSpecification form = TestUsers.anonymous().contentType("multipart/form-data");
        text(form, "api_key", key);
        text(form, "service_code", service);
        text(form, "lat", String.valueOf(at[1]));
        text(form, "long", String.valueOf(at[0]));
        text(form, "description", "路灯不亮，附照片");
        return form;
    }

    private static void text(RequestSpecification form, String name, String value) {
        form.multiPart(new MultiPartSpecBuilder(value).controlName(name).mimeType("text/plain").charset("UTF-8").build());
    }

    private static RequestSpecification photo(RequestSpecification form, String fileName, byte[] bytes) {
        return form.multiPart("media", fileName, bytes, "image/jpeg");
    }

    @Test
    void photosPostedWithARequestAreShownOnlyToTheClientThatPostedThem() {
        byte[] png = TestPhotos.png(32, 24, 11), jpeg = TestPhotos.jpeg(24, 24);
        String id = photo(photo(multipart(Open311Client.KEY), "IMG_1.jpg", png), "IMG_2.jpg", jpeg)
                .post("/open311/v2/requests.json").then().statusCode(201)
                .body("[0].service_request_id", org.hamcrest.Matchers.notNullValue()).extract().path("[0].service_request_id");
        assertThat(county.list("SELECT content_type FROM case_media m JOIN \"case\" c ON c.id = m.case_id WHERE c.code = ? ORDER BY ordinal", id))
                .containsExactly("image/png", "image/jpeg");
        assertThat(county.one("SELECT description FROM \"case\" WHERE code = ?", id)).isEqualTo("路灯不亮，附照片");

        // Public reads: no photo of ours.
        given().get("/open311/v2/requests/" + id + ".json").then().statusCode(200).body("[0].media_url", nullValue());
        // The client that posted it: media_url is its first photo, in JSON and XML, one request or the list.
        // Under the endpoint's published address (gridcc.open311.endpoint-url of the test profile), never the request's Host.
        String url = "https://open311.gridcc.test/open311/v2/requests/" + id + "/media/1";
        given().queryParam("api_key", Open311Client.KEY).get("/open311/v2/requests/" + id + ".json").then().statusCode(200)
                .body("[0].media_url", equalTo(url));
        given().queryParam("api_key", Open311Client.KEY).get("/open311/v2/requests/" + id + ".xml").then().statusCode(200)
                .body("service_requests.request.media_url", equalTo(url));
        given().queryParam("api_key", Open311Client.KEY).queryParam("service_request_id", id).get("/open311/v2/requests.json")
                .then().statusCode(200).body("[0].media_url", equalTo(url));

        String photo = "/open311/v2/requests/" + id + "/media/1";
        var served = given().queryParam("api_key", Open311Client.KEY).get(photo).then().statusCode(200).contentType("image/png")
                .header("Cache-Control", "private, no-store").header("X-Content-Type-Options", "nosniff").extract();
        assertThat(served.asByteArray()).isEqualTo(png);
        assertThat(given().queryParam("api_key", Open311Client.KEY).get(photo.replace("/media/1", "/media/2")).then().statusCode(200)
                .contentType("image/jpeg").extract().asByteArray()).isEqualTo(jpeg);

        // Without the key, with another client's key, with a key that is none: refused in Open311's format.
        given().get(photo).then().statusCode(403).contentType("text/xml").body("errors.error.description", containsString("api_key is missing"));
        var other = TestUsers.tokenUser("open311");
        given().queryParam("api_key", other.token()).get(photo).then().statusCode(403)
                .body("errors.error.description", containsString("shown only to the client that posted them"));
        given().queryParam("api_key", other.token()).get("/open311/v2/requests/" + id + ".json").then().statusCode(200)
                .body("[0].media_url", nullValue());
        given().queryParam("api_key", "no-such-key").get("/open311/v2/requests/" + id + ".json").then().statusCode(403)
                .body("[0].description", containsString("api_key is not valid"));
        given().queryParam("api_key", Open311Client.KEY).get(photo.replace("/media/1", "/media/3")).then().statusCode(404)
                .body("errors.error.description", containsString("2 photos"));
    }

    @Test
    void aClientUsersPhotosAreItsOwnAndPhotosTakenInByStaffAreNeverShownHere() {
        var client = TestUsers.tokenUser("open311");
        String id = photo(multipart(client.token()), "a.webp", TestPhotos.WEBP).post("/open311/v2/requests.xml").then().statusCode(201)
                .extract().xmlPath().getString("service_requests.request.service_request_id");
        given().queryParam("api_key", client.token()).get("/open311/v2/requests/" + id + ".json").then()
                .body("[0].media_url", endsWith("/requests/" + id + "/media/1"));
        String photo = "/open311/v2/requests/" + id + "/media/1";
        given().queryParam("api_key", client.token()).get(photo).then().statusCode(200).contentType("image/webp");
        given().queryParam("api_key", Open311Client.KEY).get(photo).then().statusCode(403);

        // A petition posted here is taken in with its photo, and then does not exist for Open311: nor does its photo.
        String petitionId = photo(multipart(client.token(), "petition"), "p.png", TestPhotos.png(8, 8, 13)).post("/open311/v2/requests.json").then().statusCode(201)
                .extract().path("[0].service_request_id");
        assertThat(county.count("SELECT count(*) FROM case_media m JOIN \"case\" c ON c.id = m.case_id WHERE c.code = ?", petitionId)).isEqualTo(1);
        given().queryParam("api_key", client.token()).get("/open311/v2/requests/" + petitionId + "/media/1").then().statusCode(404);

        // A case taken in by the centre with a photo is an Open311 request too, but its photo is not for clients.
        double[] at = county.pointIn(county.first(GridLevel.BASE));
        String code = TestPhotos.post(TestPhotos.caseJson(at, "urban_management", "中心登记"),
                new TestPhotos.Part("a.png", "image/png", TestPhotos.png(8, 8, 12))).then().statusCode(201).extract().path("code");
        given().queryParam("api_key", Open311Client.KEY).get("/open311/v2/requests/" + code + ".json").then().statusCode(200)
                .body("[0].media_url", nullValue());
        given().queryParam("api_key", Open311Client.KEY).get("/open311/v2/requests/" + code + "/media/1").then().statusCode(403);
    }

    @Test
    void aPhotoThatIsRefusedRefusesTheRequestInOpen311sErrorFormatAndNothingIsStored() {
        long cases = county.count("SELECT count(*) FROM \"case\""), photos = county.count("SELECT count(*) FROM case_media");
        photo(photo(multipart(Open311Client.KEY), "a.jpg", TestPhotos.jpeg(8, 8)), "b.jpg", "not a photo".getBytes(StandardCharsets.UTF_8))
                .post("/open311/v2/requests.json").then().statusCode(400)
                .body("[0].code", equalTo(400)).body("[0].description", containsString("media[1]: \"b.jpg\" is not a JPEG, PNG or WebP image"));
        photo(multipart(Open311Client.KEY), "large.png", TestPhotos.noisePng(300, 300)).post("/open311/v2/requests.xml").then()
                .statusCode(400).contentType("text/xml").body("errors.error.description", containsString("a photo may be at most 256 KB"));
        RequestSpecification six = multipart(Open311Client.KEY);
        for (int i = 0; i < 6; i++) photo(six, "p" + i + ".png", TestPhotos.png(4, 4, 20 + i));
        six.post("/open311/v2/requests.json").then().statusCode(400).body("[0].description", equalTo("media: at most 5 photos"));
        var large = new TestPhotos.Part[5];
        for (int i = 0; i < large.length; i++) large[i] = new TestPhotos.Part("p" + i + ".jpg", "image/jpeg", new byte[500 * 1024]);
        var answer = TestPhotos.postWithLength(root.resolve("/open311/v2/requests.xml"), Map.of("api_key", Open311Client.KEY), large);
        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/xml");
        assertThat(new XmlPath(answer.body()).getString("errors.error.description")).contains("may be at most 2,359,296");
        // The key is checked before the photos are read.
        photo(multipart("no-such-key"), "a.jpg", TestPhotos.jpeg(8, 8)).post("/open311/v2/requests.json").then().statusCode(403);
        assertThat(county.count("SELECT count(*) FROM \"case\"")).isEqualTo(cases);
        assertThat(county.count("SELECT count(*) FROM case_media")).isEqualTo(photos);
        // A multipart form without photos is a request like a form-encoded one.
        multipart(Open311Client.KEY).post("/open311/v2/requests.json").then().statusCode(201);
    }
}
