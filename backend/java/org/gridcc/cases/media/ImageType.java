package org.gridcc.cases.media;

import java.util.Arrays;
import java.util.Optional;

/**
 * The image types a photo may be, told by the file's first bytes (its magic number), never by its
 * name or the type the client declared: a text renamed photo.jpg is not a photo.
 */
public enum ImageType {
    JPEG("image/jpeg", "jpg"),
    PNG("image/png", "png"),
    WEBP("image/webp", "webp");

    private static final byte[] JPEG_START = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
    private static final byte[] PNG_START = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    /** A WebP file is a RIFF container (RIFF, its length in 4 bytes, then WEBP). */
    private static final byte[] RIFF = {'R', 'I', 'F', 'F'}, WEBP_FORM = {'W', 'E', 'B', 'P'};

    private final String contentType;
    private final String extension;

    ImageType(String contentType, String extension) {
        this.contentType = contentType;
        this.extension = extension;
    }

    public String contentType() {
        return contentType;
    }

    public String extension() {
        return extension;
    }

    /** The type the bytes start as, if one of these. */
    public static Optional<ImageType> of(byte[] head) {
        if (startsWith(head, 0, JPEG_START)) return Optional.of(JPEG);
        if (startsWith(head, 0, PNG_START)) return Optional.of(PNG);
        if (startsWith(head, 0, RIFF) && startsWith(head, 8, WEBP_FORM)) return Optional.of(WEBP);
        return Optional.empty();
    }

    public static Optional<ImageType> ofContentType(String contentType) {
        return Arrays.stream(values()).filter(t -> t.contentType.equals(contentType)).findFirst();
    }

    /** What is accepted, for messages: JPEG, PNG or WebP. */
    public static String names() {
        return "JPEG, PNG or WebP";
    }

    private static boolean startsWith(byte[] bytes, int offset, byte[] prefix) {
        if (bytes.length < offset + prefix.length) return false;
        return Arrays.equals(bytes, offset, offset + prefix.length, prefix, 0, prefix.length);
    }
}
