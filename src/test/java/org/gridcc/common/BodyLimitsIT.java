package org.gridcc.common;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.gridcc.access.CsrfCheck;
import org.gridcc.access.TestUsers;
import org.junit.jupiter.api.Test;

/**
 * Bodies over the limit of their kind of endpoint are refused with a 413 problem naming the limit:
 * from the Content-Length before the body is read, or while counting a chunked body. Raw sockets,
 * so that what goes on the wire (a 100 Continue, a body, the lengths) is exactly what the test says.
 */
@QuarkusTest
class BodyLimitsIT {

    private static final String POLYGON = "{\"type\":\"Polygon\",\"coordinates\":[[[104.1,24.9],[104.2,24.9],[104.2,25.0],[104.1,24.9]]]}";

    @Test
    void aTwentyMegabyteJsonBodyIsA413NamingTheLimit() {
        // Jackson's own 20 MB string limit answered "HTTP 400 Bad Request" with no detail.
        String huge = "{\"type\":\"Polygon\",\"coordinates\":[],\"note\":\"" + "x".repeat(20 * 1024 * 1024) + "\"}";
        given().contentType("application/json").body(huge).post("/api/households/count").then()
                .statusCode(413)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:gridcc:problem:payload-too-large"))
                .body("maxBytes", equalTo(1024 * 1024))
                .body("detail", containsString("gridcc.limits.api-body"))
                .body("detail", containsString("20,971,"));
    }

    @Test
    void aBodyOverTheServiceWideCapIsStillAProblemNotAnEmpty413() throws IOException {
        Answer answer = exchange("POST /api/cases HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                + "Content-Length: 70000000\r\n" + signedIn() + "\r\n", null);
        assertThat(answer.status()).isEqualTo(413);
        assertThat(answer.header("content-type")).startsWith("application/problem+json");
        assertThat(answer.json().getString("detail")).contains("70,000,000 bytes").contains("at most 1,048,576");
    }

    @Test
    void signInRefusesALargeBodyWithoutInvitingIt() throws IOException {
        // Not signed in, 60 MB announced, asking whether to send it: the answer is 413, never 100 Continue.
        Answer answer = exchange("POST /api/session HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                + "Content-Length: 60000000\r\nExpect: 100-continue\r\n\r\n", null);
        assertThat(answer.status()).isEqualTo(413);
        assertThat(answer.json().getString("type")).isEqualTo("urn:gridcc:problem:payload-too-large");
        assertThat(answer.json().getInt("maxBytes")).isEqualTo(8 * 1024);
        assertThat(answer.json().getString("detail")).contains("gridcc.limits.sign-in-body");
    }

    @Test
    void aChunkedBodyIsCountedAsItComes() throws IOException {
        String head = "POST /api/households/count HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                + "Transfer-Encoding: chunked\r\n" + signedIn() + "\r\n";
        Answer over = exchange(head, chunked(POLYGON.substring(0, 30) + " ".repeat(2 * 1024 * 1024) + POLYGON.substring(30)));
        assertThat(over.status()).isEqualTo(413);
        assertThat(over.json().getString("detail")).contains("over 1,048,576 bytes").contains("gridcc.limits.api-body");
        // Under the limit, a chunked body is read whole and answered as usual.
        Answer under = exchange(head, chunked(POLYGON));
        assertThat(under.status()).isEqualTo(200);
        assertThat(under.json().getLong("total")).isNotNegative();
    }

    @Test
    void aSmallBodyIsAnsweredAsBefore() {
        given().contentType("application/json").body(POLYGON).post("/api/households/count").then().statusCode(200);
        TestUsers.anonymous().contentType("application/json").body("{\"username\":\"nobody\",\"password\":\"wrong-password\"}")
                .post("/api/session").then().statusCode(401);
    }

    private static String signedIn() {
        var admin = TestUsers.admin();
        return "Cookie: " + admin.cookieHeader() + "\r\n" + CsrfCheck.HEADER + ": " + admin.csrf() + "\r\n";
    }

    private static byte[] chunked(String body) {
        var out = new ByteArrayOutputStream();
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        for (int at = 0; at < bytes.length; at += 64 * 1024) {
            int length = Math.min(64 * 1024, bytes.length - at);
            out.writeBytes((Integer.toHexString(length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(bytes, at, length);
            out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        out.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    /** One answer read off the wire: its first status line (a 100 Continue would be it) and the rest. */
    record Answer(int status, String head, String body) {
        String header(String name) {
            return head.lines().filter(l -> l.toLowerCase().startsWith(name + ":")).map(l -> l.substring(name.length() + 1).strip())
                    .findFirst().orElse("");
        }

        JsonPath json() {
            return new JsonPath(body);
        }
    }

    /** Sends the head and (unless null) the body, and reads the answer up to its Content-Length. */
    static Answer exchange(String head, byte[] body) throws IOException {
        try (Socket socket = new Socket("localhost", RestAssured.port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            if (body != null) {
                try {
                    out.write(body);
                    out.flush();
                } catch (IOException e) {
                    // refused while sending: the answer is already on its way
                }
            }
            InputStream in = socket.getInputStream();
            String responseHead = readHead(in);
            int status = Integer.parseInt(responseHead.substring(9, 12));
            int length = responseHead.lines().filter(l -> l.toLowerCase().startsWith("content-length:"))
                    .map(l -> Integer.parseInt(l.substring(15).strip())).findFirst().orElse(0);
            byte[] content = in.readNBytes(length);
            return new Answer(status, responseHead, new String(Arrays.copyOf(content, content.length), StandardCharsets.UTF_8));
        }
    }

    private static String readHead(InputStream in) throws IOException {
        var head = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) throw new IOException("the connection closed before an answer: " + head);
            head.write(b);
            matched = (b == "\r\n\r\n".charAt(matched)) ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        return head.toString(StandardCharsets.ISO_8859_1);
    }
}
