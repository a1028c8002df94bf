package org.gridcc.cases.media;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.gridcc.common.Problem.FieldError;
import org.gridcc.common.ProblemException;
import org.gridcc.common.ProblemType;
import org.jboss.resteasy.reactive.server.multipart.FormValue;

/**
 * Reads the photos of a multipart form (its {@code media} parts) and holds them to the limits:
 * at most {@code gridcc.media.max-photos}, each at most {@code gridcc.media.max-photo-size}, each
 * a JPEG, PNG or WebP by its first bytes. The count and sizes are checked before a byte is read.
 * Reads files: call it on a worker thread.
 */
@ApplicationScoped
public class PhotoParts {

    /** The form field of the photos, as Open311 clients name it. */
    public static final String FIELD = "media";

    private final MediaConfig config;

    public PhotoParts(MediaConfig config) {
        this.config = config;
    }

    /** The checked photos, in the order sent; a refusal names each part at fault ({@code media[0]}, ...) and the limit. */
    public List<Photo> read(Collection<FormValue> parts) {
        if (parts == null || parts.isEmpty()) return List.of();
        if (parts.size() > config.maxPhotos()) {
            throw new ProblemException(ProblemType.PAYLOAD_TOO_LARGE,
                    "%d photos were sent; at most %d go with a case (gridcc.media.max-photos). Send the %d that show most."
                            .formatted(parts.size(), config.maxPhotos(), config.maxPhotos()),
                    List.of(new FieldError(FIELD, "at most %d photos".formatted(config.maxPhotos()))),
                    Map.of("maxPhotos", config.maxPhotos()));
        }
        var photos = new ArrayList<Photo>();
        var errors = new ArrayList<FieldError>();
        ProblemType refusal = null;
        int i = 0;
        for (FormValue part : parts) {
            String field = FIELD + "[" + i++ + "]";
            Refused refused = check(part);
            if (refused != null) {
                errors.add(new FieldError(field, refused.message()));
                if (refusal == null) refusal = refused.type();
                continue;
            }
            byte[] bytes = bytes(part);
            ImageType type = ImageType.of(bytes).orElse(null);
            if (type == null) {
                errors.add(new FieldError(field, notAnImage(part)));
                if (refusal == null) refusal = ProblemType.UNSUPPORTED_MEDIA_TYPE;
                continue;
            }
            photos.add(Photo.of(type, bytes));
        }
        if (refusal != null) {
            throw new ProblemException(refusal, "A photo cannot be taken: each is a %s image of at most %s (gridcc.media.max-photo-size); see errors."
                    .formatted(ImageType.names(), size(maxSize())), errors, Map.of("maxPhotoSize", maxSize()));
        }
        return photos;
    }

    /** The text of a form part, whether sent as a field or as a file. */
    public static String text(FormValue part) {
        if (!part.isFileItem()) return part.getValue();
        try (InputStream in = part.getFileItem().getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private record Refused(ProblemType type, String message) {}

    /** What is wrong with a part before its bytes are read: not a file, empty, too large; else null. */
    private Refused check(FormValue part) {
        if (!part.isFileItem()) {
            return new Refused(ProblemType.INVALID_INPUT, "send the photo as a file part (with a filename), as browsers and curl -F media=@photo.jpg do");
        }
        long size = fileSize(part);
        if (size == 0) return new Refused(ProblemType.UNSUPPORTED_MEDIA_TYPE, "%s is empty".formatted(name(part)));
        if (size > maxSize()) {
            return new Refused(ProblemType.PAYLOAD_TOO_LARGE, "%s is %s; a photo may be at most %s".formatted(name(part), size(size), size(maxSize())));
        }
        return null;
    }

    private static String notAnImage(FormValue part) {
        return "%s is not a %s image: its bytes are what counts, not its name or declared type"
                .formatted(name(part), ImageType.names());
    }

    private long maxSize() {
        return config.maxPhotoSize().asLongValue();
    }

    private static String name(FormValue part) {
        return part.getFileName() == null || part.getFileName().isBlank() ? "the photo" : "\"" + part.getFileName() + "\"";
    }

    private static long fileSize(FormValue part) {
        try {
            return part.getFileItem().getFileSize();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] bytes(FormValue part) {
        try (InputStream in = part.getFileItem().getInputStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** 5 MB, 1.5 MB, 300 KB. */
    static String size(long bytes) {
        long mb = 1024 * 1024;
        if (bytes >= mb) return bytes % mb == 0 ? bytes / mb + " MB" : String.format(Locale.ROOT, "%.1f MB", bytes / (double) mb);
        return (bytes + 1023) / 1024 + " KB";
    }
}
