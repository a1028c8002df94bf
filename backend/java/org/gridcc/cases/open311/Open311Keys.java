package org.gridcc.cases.open311;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.gridcc.access.Role;
import org.gridcc.access.RoleTokens;

/**
 * API keys and the clients they stand for. A token of an open311 user stands for that user,
 * whichever of its tokens it is (a client that rotates its key keeps its requests); a key of
 * {@code gridcc.open311.api-keys} stands for itself. The client's name goes with each case it
 * posts, and lets it read back the text of those cases.
 */
@ApplicationScoped
class Open311Keys {

    private final Open311Config config;
    private final RoleTokens roleTokens;

    Open311Keys(Open311Config config, RoleTokens roleTokens) {
        this.config = config;
        this.roleTokens = roleTokens;
    }

    /** The client posting with this key; 403 without a key or with one that is not valid. */
    Uni<String> poster(String key) {
        if (key == null) throw Open311Exception.forbidden("api_key is missing: posting a request needs an API key (see key_service in discovery.xml).");
        return reader(key);
    }

    /** The client reading with this key: null for a read without a key (a public read), 403 for a key that is not valid. */
    Uni<String> reader(String key) {
        if (key == null) return Uni.createFrom().nullItem();
        return clientOf(key).invoke(client -> {
            if (client == null) throw Open311Exception.forbidden("api_key is not valid: ask the command centre for a key (see key_service in discovery.xml).");
        });
    }

    private Uni<String> clientOf(String key) {
        byte[] given = key.getBytes(StandardCharsets.UTF_8);
        // Compared in constant time, so that the time of a refusal says nothing about a valid key.
        boolean configured = config.apiKeys().orElse(List.of()).stream()
                .anyMatch(k -> MessageDigest.isEqual(k.getBytes(StandardCharsets.UTF_8), given));
        if (configured) return Uni.createFrom().item("open311-key:" + fingerprint(given));
        return roleTokens.userOf(key, Role.OPEN311).map(user -> user == null ? null : "open311-user:" + user);
    }

    /** Enough of the key's SHA-256 to tell configured keys apart in a case's history, and nothing to post with. */
    private static String fingerprint(byte[] key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key), 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
