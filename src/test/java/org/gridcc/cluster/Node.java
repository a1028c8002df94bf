package org.gridcc.cluster;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.gridcc.health.PackagedService;

/**
 * A process the cluster tests start: a service node from the packaged jar ({@link PackagedService#jar()}; profile cluster, the
 * test broker and the cluster test database), or nginx in front of nodes (scripts/balancer.sh).
 * Its output goes to target/cluster/NAME.log.
 */
final class Node implements AutoCloseable {

    static final Path REPO = Path.of("").toAbsolutePath();
    static final String DATABASE = "gridcc_cluster_test";
    static final String ADMIN_PASSWORD = "cluster-admin-2026";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    final String name;
    final int port;
    private final Process process;

    private Node(String name, int port, Process process) {
        this.name = name;
        this.port = port;
        this.process = process;
    }

    /** A service node; {@code fresh}: its start empties the cluster database first (Flyway clean) and loads the demo county. */
    static Node service(String name, boolean fresh) throws Exception {
        int port = freePort();
        var command = new ProcessBuilder("java", "-Xmx320m", "-jar", PackagedService.jar().toString());
        Map<String, String> env = command.environment();
        env.put("QUARKUS_PROFILE", "cluster");
        env.put("GRIDCC_HTTP_PORT", String.valueOf(port));
        env.put("GRIDCC_DB_NAME", DATABASE);
        env.put("GRIDCC_ADMIN_PASSWORD", ADMIN_PASSWORD);
        env.put("GRIDCC_DEMO_COUNTY", "530324");
        // The county without its demo month: the tests look for villages where no case has come yet.
        env.put("GRIDCC_DEMO_CASE_DAYS", "0");
        if (fresh) {
            env.put("QUARKUS_FLYWAY_CLEAN_AT_START", "true");
            env.put("QUARKUS_FLYWAY_CLEAN_DISABLED", "false");
        }
        return start(name, port, command);
    }

    /** nginx on a free port in front of the nodes. */
    static Node balancer(Node... nodes) throws IOException, InterruptedException {
        int port = freePort();
        var command = new java.util.ArrayList<>(List.of(REPO.resolve("scripts/balancer.sh").toString(), String.valueOf(port)));
        for (Node node : nodes) command.add(String.valueOf(node.port));
        Node nginx = start("nginx", port, new ProcessBuilder(command));
        try {
            nginx.awaitAnswer(Duration.ofSeconds(30));
        } catch (RuntimeException | InterruptedException e) {
            nginx.close(); // nobody else holds it yet
            throw e;
        }
        return nginx;
    }

    private static Node start(String name, int port, ProcessBuilder command) throws IOException {
        Path log = REPO.resolve("target/cluster/" + name + ".log");
        Files.createDirectories(log.getParent());
        Process process = command.redirectErrorStream(true).redirectOutput(log.toFile()).start();
        process.getOutputStream().close();
        return new Node(name, port, process);
    }

    /** Runs a script of the repository to its end; its output when it failed. */
    static void script(String... command) throws IOException, InterruptedException {
        var builder = new ProcessBuilder(command).directory(REPO.toFile()).redirectErrorStream(true);
        builder.command().set(0, REPO.resolve(command[0]).toString());
        Process p = builder.start();
        p.getOutputStream().close();
        String output = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(180, TimeUnit.SECONDS) || p.exitValue() != 0) throw new IllegalStateException(String.join(" ", command) + " failed:\n" + output);
    }

    URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    /** The readiness status code: 200 UP, 503 DOWN, -1 when nothing answers. */
    int readiness() {
        try {
            return HTTP.send(HttpRequest.newBuilder(uri("/q/health/ready")).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** Waits until readiness says UP; a node that does not get there is stopped. */
    Node awaitReady(Duration patience) throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        while (readiness() != 200) {
            if (!process.isAlive()) throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see target/cluster/" + name + ".log");
            if (System.nanoTime() > deadline) {
                close();
                throw new IllegalStateException(name + " not ready within " + patience + "; see target/cluster/" + name + ".log");
            }
            Thread.sleep(250);
        }
        return this;
    }

    /** Waits until readiness has the given status code. */
    void awaitReadiness(int status, Duration patience) throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        while (readiness() != status) {
            if (System.nanoTime() > deadline) throw new AssertionError(name + "'s readiness never answered " + status + " within " + patience);
            Thread.sleep(200);
        }
    }

    private void awaitAnswer(Duration patience) throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        while (readiness() == -1) {
            if (!process.isAlive()) throw new IllegalStateException(name + " exited; see target/cluster/" + name + ".log");
            if (System.nanoTime() > deadline) throw new IllegalStateException(name + " did not answer within " + patience);
            Thread.sleep(100);
        }
    }

    /** kill -9: no shutdown hook, no goodbye to its clients or to the database. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) kill();
    }

    static int freePort() throws IOException {
        try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
