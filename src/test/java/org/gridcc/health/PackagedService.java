package org.gridcc.health;

import io.quarkus.bootstrap.app.CuratedApplication;
import io.quarkus.bootstrap.app.QuarkusBootstrap;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * The service as it is shipped: Quarkus' production build of target/classes (the fast-jar that
 * {@code ./run} starts), run as a process of its own against the test database, so that a test can
 * send it signals.
 */
final class PackagedService implements AutoCloseable {

    private final Process process;
    private final int port;

    private PackagedService(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Builds the production jar into the folder (as {@code mvn package} does) and answers its path. */
    static Path build(Path folder) throws Exception {
        CuratedApplication application = QuarkusBootstrap.builder()
                .setApplicationRoot(Path.of("target/classes").toAbsolutePath())
                .setProjectRoot(Path.of("").toAbsolutePath())
                .setMode(QuarkusBootstrap.Mode.PROD)
                .setLocalProjectDiscovery(true)
                .setIsolateDeployment(true)
                .setTargetDirectory(folder)
                .build()
                .bootstrap();
        try {
            return application.createAugmentor().createProductionApplication().getJar().getPath();
        } finally {
            application.close();
        }
    }

    /** Starts the jar on a free port against the test database and waits until it is ready; its output goes to the log file. */
    static PackagedService start(Path jar, Path log) throws Exception {
        int port;
        try (var free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        var builder = new ProcessBuilder("java", "-Xmx384m", "-jar", jar.toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().putAll(Map.of(
                "GRIDCC_HTTP_PORT", String.valueOf(port),
                "GRIDCC_DB_NAME", System.getenv().getOrDefault("GRIDCC_TEST_DB_NAME", "gridcc_test"),
                "GRIDCC_DEMO_COUNTY", "",
                "GRIDCC_ADMIN_PASSWORD", org.gridcc.access.TestUsers.ADMIN_PASSWORD));
        var service = new PackagedService(builder.start(), port);
        service.awaitReady(log);
        return service;
    }

    int port() {
        return port;
    }

    /** SIGTERM, as a service manager or Ctrl-C stops it. */
    void terminate() {
        process.destroy();
    }

    /** Waits for the process to end (bounded) and answers whether it did. */
    boolean awaitExit(Duration patience) throws InterruptedException {
        return process.waitFor(patience.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    private void awaitReady(Path log) throws Exception {
        var client = HttpClient.newHttpClient();
        var ready = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/q/health/ready")).build();
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) throw new IllegalStateException("the service ended at start:\n" + tail(log));
            try {
                if (client.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) return;
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("the service was not ready within 3 minutes:\n" + tail(log));
    }

    static String tail(Path log) {
        try {
            var lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }
}
