package org.gridcc.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.gridcc.access.FirstAdmin;
import org.gridcc.access.TestUsers;
import org.gridcc.access.TokenMechanism;
import org.junit.jupiter.api.Test;

/**
 * SIGTERM to the packaged service while a request is in flight and a wall's /live socket is open:
 * the socket is closed at once with 1001 (going away) so that the wall reconnects, and the request
 * is answered before the service exits rather than reset.
 */
class GracefulShutdownIT {

    @Test
    void sigtermClosesLiveSocketsWithGoingAwayAndLetsRequestsInFlightFinish() throws Exception {
        Path jar = PackagedService.jar();
        Path log = jar.getParent().getParent().resolve("service.log");
        try (PackagedService service = PackagedService.start(jar, log)) {
            String login = "{\"username\":\"" + FirstAdmin.USERNAME + "\",\"password\":\"" + TestUsers.ADMIN_PASSWORD + "\"}";
            String cookie = signIn(service.port(), login);
            CompletableFuture<Integer> closedWith = new CompletableFuture<>();
            CompletableFuture<Void> firstFrame = new CompletableFuture<>();
            HttpClient.newHttpClient().newWebSocketBuilder().header("Cookie", cookie)
                    .buildAsync(URI.create("ws://localhost:" + service.port() + "/live"), new WebSocket.Listener() {
                        @Override
                        public CompletionStage<?> onBinary(WebSocket socket, ByteBuffer data, boolean last) {
                            firstFrame.complete(null);
                            socket.request(1);
                            return null;
                        }

                        @Override
                        public CompletionStage<?> onClose(WebSocket socket, int status, String reason) {
                            closedWith.complete(status);
                            return null;
                        }
                    }).get(30, TimeUnit.SECONDS);
            firstFrame.get(30, TimeUnit.SECONDS);

            try (Socket slow = new Socket("localhost", service.port())) {
                slow.setSoTimeout(60_000);
                byte[] body = login.getBytes(StandardCharsets.UTF_8);
                OutputStream out = slow.getOutputStream();
                out.write(("POST /api/session HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: "
                        + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(body, 0, body.length / 2);
                out.flush();

                service.terminate();
                assertThat(closedWith.get(30, TimeUnit.SECONDS)).as("close code of /live").isEqualTo(1001);

                // The rest of the body, after the service was told to stop: the request still gets its answer.
                out.write(body, body.length / 2, body.length - body.length / 2);
                out.flush();
                assertThat(statusLine(slow.getInputStream())).as("answer to the request in flight; log:\n" + PackagedService.tail(log))
                        .startsWith("HTTP/1.1 200");
            }
            assertThat(service.awaitExit(Duration.ofSeconds(60))).as("the service exits").isTrue();
        }
    }

    private static String signIn(int port, String login) throws Exception {
        var answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/session"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(login)).build(),
                HttpResponse.BodyHandlers.discarding());
        assertThat(answer.statusCode()).isEqualTo(200);
        String session = answer.headers().allValues("set-cookie").stream()
                .filter(c -> c.startsWith(TokenMechanism.SESSION_COOKIE + "=")).findFirst().orElseThrow();
        return session.substring(0, session.indexOf(';'));
    }

    private static String statusLine(InputStream in) throws IOException {
        var line = new ByteArrayOutputStream();
        for (int b; (b = in.read()) >= 0 && b != '\n'; ) line.write(b);
        return line.toString(StandardCharsets.ISO_8859_1).strip();
    }
}
