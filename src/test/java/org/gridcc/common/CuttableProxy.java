package org.gridcc.common;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP proxy on 127.0.0.1 in front of a service (the web service, PostgreSQL) that a test can cut
 * (every connection dropped, new ones refused, as when the service stops), stall (connections
 * taken but never answered, as when a host stops responding) and restore on the same port. It notes
 * the first line of every request, so a test can see how a client came back ({@code since=}).
 */
public final class CuttableProxy implements AutoCloseable {

    private final int target;
    private final int port;
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private volatile ServerSocket server;
    private volatile boolean stalled;

    public CuttableProxy(int target) throws IOException {
        this.target = target;
        this.server = listen(0);
        this.port = server.getLocalPort();
        acceptOn(server);
    }

    public int port() {
        return port;
    }

    /** First lines of the requests made through the proxy, e.g. {@code GET /live?since=12 HTTP/1.1}. */
    public List<String> requests() {
        return List.copyOf(requests);
    }

    /** The service is gone: open connections drop, new ones are refused. */
    public void cut() throws IOException {
        server.close();
        dropAll();
    }

    /** The service hangs: open connections drop, new ones are taken but never answered. */
    public void stall() {
        stalled = true;
        dropAll();
    }

    /** The service is back, on the same port. */
    public void restore() throws IOException {
        if (stalled) {
            stalled = false;
            dropAll();
        }
        if (server.isClosed()) {
            server = listen(port);
            acceptOn(server);
        }
    }

    private void dropAll() {
        for (Socket socket : sockets) close(socket);
        sockets.clear();
    }

    @Override
    public void close() throws IOException {
        cut();
    }

    private static ServerSocket listen(int port) throws IOException {
        var socket = new ServerSocket();
        socket.setReuseAddress(true);
        socket.bind(new InetSocketAddress("127.0.0.1", port));
        return socket;
    }

    private void acceptOn(ServerSocket listening) {
        daemon(() -> {
            while (!listening.isClosed()) {
                try {
                    Socket client = listening.accept();
                    sockets.add(client);
                    if (stalled) continue;
                    Socket upstream = new Socket("127.0.0.1", target);
                    sockets.add(upstream);
                    daemon(() -> pump(client, upstream, true));
                    daemon(() -> pump(upstream, client, false));
                } catch (IOException e) {
                    return; // cut
                }
            }
        });
    }

    private void pump(Socket from, Socket to, boolean noteRequest) {
        byte[] buffer = new byte[16 * 1024];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            int read;
            boolean first = noteRequest;
            while ((read = in.read(buffer)) >= 0) {
                if (first) {
                    String head = new String(buffer, 0, read, StandardCharsets.ISO_8859_1);
                    requests.add(head.lines().findFirst().orElse(""));
                    first = false;
                }
                out.write(buffer, 0, read);
                out.flush();
            }
        } catch (IOException e) {
            // one side went away; the other goes too
        } finally {
            close(from);
            close(to);
            sockets.remove(from);
            sockets.remove(to);
        }
    }

    private static void close(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // already closed
        }
    }

    private static void daemon(Runnable work) {
        Thread thread = new Thread(work, "cuttable-proxy");
        thread.setDaemon(true);
        thread.start();
    }
}
