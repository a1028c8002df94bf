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
 * Who an api_key stands for: an Open311 client user (by its token), or a key configured in
 * gridcc.open311.api-keys (for deployments that provision keys so). The client's name is what
 * case_media keeps as uploaded_by, so that a client is shown the photos it posted.
 */
@ApplicationScoped
class Open311Clients {

    private final Open311Config config;
    private final RoleTokens roleTokens;

    Open311Clients(Open311Config config, RoleTokens roleTokens) {
        this.config = config;
        this.roleTokens = roleTokens;
    }

    /** The client of this key; 403 when the key is missing or not valid. */
    Uni<String> of(String key) {
        if (key == null) throw Open311Exception.forbidden("api_key is missing: posting a request needs an API key (see key_service in discovery.xml).");
        byte[] given = key.getBytes(StandardCharsets.UTF_8);
        // Compared in constant time, so that the time of a refusal says nothing about a valid key.
        boolean configured = config.apiKeys().orElse(List.of()).stream()
                .anyMatch(k -> MessageDigest.isEqual(k.getBytes(StandardCharsets.UTF_8), given));
        if (configured) return Uni.createFrom().item("open311-key:" + fingerprint(key));
        return roleTokens.userOf(key, Role.OPEN311).map(user -> {
            if (user == null) throw Open311Exception.forbidden("api_key is not valid: ask the command centre for a key (see key_service in discovery.xml).");
            return "open311-user:" + user;
        });
    }

    /** A configured key is named by the start of its SHA-256, never by itself. */
    private static String fingerprint(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)), 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
