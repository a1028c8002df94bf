package org.gridcc.cases.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.gridcc.cases.TestPhotos;
import org.junit.jupiter.api.Test;

/** A photo's type is what its first bytes say: real JPEG, PNG and WebP files, and what only looks like one. */
class ImageTypeTests {

    @Test
    void realImagesAreKnownByTheirFirstBytes() {
        assertThat(ImageType.of(TestPhotos.jpeg(8, 8))).contains(ImageType.JPEG);
        assertThat(ImageType.of(TestPhotos.png(8, 8, 1))).contains(ImageType.PNG);
        assertThat(ImageType.of(TestPhotos.WEBP)).contains(ImageType.WEBP);
        assertThat(ImageType.JPEG.contentType()).isEqualTo("image/jpeg");
        assertThat(ImageType.WEBP.extension()).isEqualTo("webp");
    }

    @Test
    void whatIsNotOneOfThemIsNone() {
        assertThat(ImageType.of("photo.jpg".getBytes(StandardCharsets.US_ASCII))).isEmpty();
        assertThat(ImageType.of("GIF89a\u0001\u0000\u0001\u0000".getBytes(StandardCharsets.ISO_8859_1))).isEmpty();
        assertThat(ImageType.of(new byte[0])).isEmpty();
        // Truncated: the start of a PNG signature, a RIFF that is not WEBP (a WAV file), a WebP cut before its form type.
        assertThat(ImageType.of(Arrays.copyOf(TestPhotos.png(8, 8, 1), 7))).isEmpty();
        assertThat(ImageType.of("RIFF\u0024\u0000\u0000\u0000WAVEfmt ".getBytes(StandardCharsets.ISO_8859_1))).isEmpty();
        assertThat(ImageType.of(Arrays.copyOf(TestPhotos.WEBP, 10))).isEmpty();
        assertThat(ImageType.of(new byte[] {(byte) 0xFF, (byte) 0xD8})).isEmpty();
    }

    @Test
    void sizesAreToldInKilobytesOrMegabytes() {
        assertThat(PhotoParts.size(5L * 1024 * 1024)).isEqualTo("5 MB");
        assertThat(PhotoParts.size(5L * 1024 * 1024 + 512 * 1024)).isEqualTo("5.5 MB");
        assertThat(PhotoParts.size(256 * 1024)).isEqualTo("256 KB");
        assertThat(PhotoParts.size(256 * 1024 + 1)).isEqualTo("257 KB");
    }
}
