package org.gridcc.common;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * A node that tells the others goes on only once every node has heard: another node is played
 * here by a listening connection under the nodes' name, which answers when the test says so.
 */
@QuarkusTest
class NodeNoticesIT {

    private static final String CHANNEL = "gridcc_test_notice";

    @Inject
    NodeNotices notices;

    /** What the other node has heard and the test has not looked at yet. */
    private final List<PGNotification> heard = new ArrayList<>();

    @Test
    void aTellerWaitsUntilEveryListeningNodeHasHeard() throws Exception {
        var listening = new CompletableFuture<Void>();
        notices.listen(CHANNEL, () -> listening.complete(null));
        listening.get(10, TimeUnit.SECONDS);
        try (Connection other = otherNode()) {
            var told = notices.tell(CHANNEL).subscribeAsCompletionStage();

            String id = next(other, CHANNEL);
            assertThat(next(other, NodeNotices.HEARD)).as("this node has heard its own notice").isEqualTo(id);
            assertThat(told).as("the teller still waits for the other node").isNotDone();

            try (var answer = other.prepareStatement("SELECT pg_notify(?, ?)")) {
                answer.setString(1, NodeNotices.HEARD);
                answer.setString(2, id);
                answer.execute();
            }
            told.toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }

    /** A listening connection as a node keeps one: named as the nodes' are, on the test channel and the answers'. */
    private static Connection otherNode() throws SQLException {
        var config = ConfigProvider.getConfig();
        var properties = new Properties();
        properties.setProperty("user", config.getValue("quarkus.datasource.username", String.class));
        properties.setProperty("password", config.getValue("quarkus.datasource.password", String.class));
        properties.setProperty("ApplicationName", NodeNotices.LISTENER);
        Connection connection = DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url", String.class), properties);
        try (var statement = connection.createStatement()) {
            statement.execute("LISTEN " + CHANNEL);
            statement.execute("LISTEN " + NodeNotices.HEARD);
        }
        return connection;
    }

    /** The payload of the next notice on this channel (those on others kept for later), within 10 s. */
    private String next(Connection connection, String channel) throws SQLException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < until) {
            for (var each = heard.iterator(); each.hasNext(); ) {
                PGNotification notification = each.next();
                if (notification.getName().equals(channel)) {
                    each.remove();
                    return notification.getParameter();
                }
            }
            PGNotification[] notifications = connection.unwrap(PGConnection.class).getNotifications(500);
            if (notifications != null) heard.addAll(List.of(notifications));
        }
        throw new AssertionError("no notice on " + channel + " within 10 s");
    }
}
