package org.gridcc.cluster;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.gridcc.access.CsrfCheck;
import org.gridcc.access.TokenMechanism;

/** The admin signed in on a node: the session's cookie and CSRF token, good on every node. */
record Session(String cookie, String csrf) {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    static Session admin(Node node) throws IOException, InterruptedException {
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(node.uri("/api/session"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(new JsonObject(Map.of("username", "admin", "password", Node.ADMIN_PASSWORD)).encode()))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) throw new IllegalStateException("sign-in answered " + answer.statusCode() + ": " + answer.body());
        String cookie = answer.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith(TokenMechanism.SESSION_COOKIE + "="))
                .map(c -> c.substring(0, c.indexOf(';'))).findFirst().orElseThrow();
        return new Session(cookie, new JsonObject(answer.body()).getString("csrf"));
    }

    /** Sends a request as the admin; the answer's status and body. */
    HttpResponse<String> send(Node node, String method, String path, String json) throws IOException, InterruptedException {
        var request = HttpRequest.newBuilder(node.uri(path)).timeout(Duration.ofSeconds(30))
                .header("Cookie", cookie).header(CsrfCheck.HEADER, csrf)
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) request.header("Content-Type", "application/json");
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    JsonObject expect(int status, Node node, String method, String path, String json) throws IOException, InterruptedException {
        HttpResponse<String> answer = send(node, method, path, json);
        if (answer.statusCode() != status) {
            throw new AssertionError(method + " " + path + " on " + node.name + " answered " + answer.statusCode() + ", not " + status + ": " + answer.body());
        }
        return answer.body().isEmpty() ? new JsonObject() : new JsonObject(answer.body());
    }

    /** Posts a case at a point through a node; its code. */
    String postCase(Node node, double[] at, String category) throws IOException, InterruptedException {
        return expect(201, node, "POST", "/api/cases", """
                {"channel": "grid_worker", "category": "%s", "title": "漏水", "location": {"lon": %s, "lat": %s},
                 "reporter": {"name": "王五", "phone": "13900001111"}}""".formatted(category, at[0], at[1])).getString("code");
    }

    /** The Cookie header for a /live client. */
    String cookieHeader() {
        return cookie;
    }

    /** A request with a bearer token only: its status. */
    static int withToken(Node node, String path, String token) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(node.uri(path)).header("Authorization", "Bearer " + token).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
