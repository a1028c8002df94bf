package org.gridcc.cases.open311;

import static io.restassured.RestAssured.given;

import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

/** Posts Open311 requests as a client would: a form, with the API key the test profile configures. */
final class Open311Client {

    static final String KEY = "open311-test-key";
    static final String FORM = "application/x-www-form-urlencoded; charset=utf-8";

    private Open311Client() {}

    /** A form with the key and a service; add the location and the rest. */
    static RequestSpecification form(String serviceCode) {
        return form(KEY, serviceCode);
    }

    /** A form with another key (an Open311 client user's token) and a service. */
    static RequestSpecification form(String apiKey, String serviceCode) {
        return given().contentType(FORM).formParam("api_key", apiKey).formParam("service_code", serviceCode);
    }

    static RequestSpecification at(String serviceCode, double[] lonLat) {
        return form(serviceCode).formParam("lat", lonLat[1]).formParam("long", lonLat[0]);
    }

    static ValidatableResponse post(RequestSpecification form, String format) {
        return form.post("/open311/v2/requests." + format).then();
    }

    /** Posts and gives the new request's id. */
    static String created(RequestSpecification form) {
        return post(form, "json").statusCode(201).extract().path("[0].service_request_id");
    }
}
