package org.gridcc.grid.tiles;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** An encoded vector tile and its strong entity tag (version, address and a digest of the bytes). */
public record Tile(byte[] body, String etag) {

    public static Tile of(int version, TileAddress at, byte[] body) {
        return new Tile(body, "\"v%d-%d-%d-%d-%s\"".formatted(version, at.z(), at.x(), at.y(), digest(body)));
    }

    public boolean isEmpty() {
        return body.length == 0;
    }

    private static String digest(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body), 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
