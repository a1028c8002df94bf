package org.gridcc.cases.media;

import io.vertx.core.json.JsonObject;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** A photo that passed the checks, with its type as its bytes tell and their SHA-256 (hex). */
public record Photo(ImageType type, byte[] bytes, String sha256) {

    public static Photo of(ImageType type, byte[] bytes) {
        try {
            return new Photo(type, bytes, HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** The photo as the case history records it (never its bytes): its number, type, size and SHA-256. */
    public JsonObject described(int n) {
        return new JsonObject().put("n", n).put("contentType", type.contentType()).put("size", bytes.length).put("sha256", sha256);
    }
}
