package org.gridcc.boundary.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.gridcc.common.ProblemException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The zip unpacker alone: its limits exactly at and one past the edge, and names it must not follow. */
class ZipUploadTests {

    @TempDir Path dir;

    @Test
    void theEntryLimitIsInclusive() throws Exception {
        Map<String, byte[]> three = new LinkedHashMap<>();
        for (int i = 0; i < 3; i++) three.put("f" + i + ".txt", new byte[] {1});
        Path zip = Fixtures.zip(dir.resolve("three.zip"), three);
        assertThat(unpack(zip, zipLimits(1_000, 100, 3))).hasSize(3);
        assertThat(refusal(zip, zipLimits(1_000, 100, 2))).contains("more than 2 entries");
    }

    @Test
    void theUnpackedSizeLimitIsInclusive() throws Exception {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("a.txt", new byte[600]);
        entries.put("b.txt", new byte[400]);
        Path zip = Fixtures.zip(dir.resolve("thousand.zip"), entries);
        assertThat(unpack(zip, zipLimits(1_000, 1_000, 10))).hasSize(2);
        assertThat(refusal(zip, zipLimits(999, 1_000, 10))).contains("more than 999 bytes (at b.txt)");
    }

    /** A zip of zeros whose size divides the unpacked size exactly, so that the ratio can be set right at the limit. */
    @Test
    void thePackingRatioLimitIsInclusive() throws Exception {
        for (int size = 100_000; size < 200_000; size++) {
            byte[] zip = zipOf("zeros.bin", new byte[size]);
            if (size % zip.length != 0) continue;
            int ratio = size / zip.length;
            Path file = Files.write(dir.resolve("zeros.zip"), zip);
            assertThat(unpack(file, zipLimits(10_000_000, ratio, 10))).hasSize(1);
            assertThat(refusal(file, zipLimits(10_000_000, ratio - 1, 10)))
                    .contains("more than " + (ratio - 1) + " times its own size of " + zip.length + " bytes");
            return;
        }
        throw new AssertionError("no zip size divided its content size");
    }

    @Test
    void directoriesAndMacResourceForksAreSkipped() throws Exception {
        Path zip = dir.resolve("mac.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new ZipEntry("grids/"));
            out.closeEntry();
            out.putNextEntry(new ZipEntry("grids/grids.shp"));
            out.write(new byte[] {1, 2, 3});
            out.closeEntry();
            out.putNextEntry(new ZipEntry("__MACOSX/grids/._grids.shp"));
            out.write(new byte[] {4});
            out.closeEntry();
        }
        Path into = Files.createDirectory(dir.resolve("into"));
        List<Path> files = ZipUpload.unpack(zip, "mac.zip", into, Fixtures.LIMITS);
        assertThat(files).containsExactly(into.resolve("grids/grids.shp"));
        assertThat(Files.readAllBytes(files.get(0))).containsExactly(1, 2, 3);
        assertThat(into.resolve("__MACOSX")).doesNotExist();
    }

    @Test
    void aZipOfNothingButFoldersIsEmpty() throws Exception {
        Path zip = dir.resolve("folders.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new ZipEntry("grids/"));
            out.closeEntry();
        }
        assertThat(refusal(zip, Fixtures.LIMITS)).contains("is an empty zip");
        Path empty = dir.resolve("empty.zip");
        new ZipOutputStream(Files.newOutputStream(empty)).close();
        assertThat(refusal(empty, Fixtures.LIMITS)).contains("is an empty zip");
    }

    @Test
    void namesLeadingOutOfTheFolderAreRefusedAndNothingIsWritten() throws Exception {
        for (String name : List.of("../grids.shp", "grids/../../grids.shp", "a\\..\\..\\grids.shp")) {
            Path zip = Fixtures.zip(dir.resolve("up.zip"), Map.of(name, new byte[10]));
            assertThat(refusal(zip, Fixtures.LIMITS)).as(name).contains("points outside the zip");
            assertThat(dir.resolve("grids.shp")).doesNotExist();
            assertThat(dir.getParent().resolve("grids.shp")).doesNotExist();
        }
        // Two dots inside a name are just a name.
        Path zip = Fixtures.zip(dir.resolve("dots.zip"), Map.of("grids..shp", new byte[10]));
        assertThat(unpack(zip, Fixtures.LIMITS)).hasSize(1);
    }

    @Test
    void zipSignatures() {
        // Local file header PK\3\4; end of central directory PK\5\6 (an empty zip).
        assertThat(ZipUpload.looksLikeZip(new byte[] {'P', 'K', 3, 4, 20, 0})).isTrue();
        assertThat(ZipUpload.looksLikeZip(new byte[] {'P', 'K', 5, 6})).isTrue();
        assertThat(ZipUpload.looksLikeZip(new byte[] {'P', 'K', 3})).isFalse();
        assertThat(ZipUpload.looksLikeZip(new byte[0])).isFalse();
        assertThat(ZipUpload.looksLikeZip(new byte[] {'Q', 'K', 3, 4})).isFalse();
        assertThat(ZipUpload.looksLikeZip(new byte[] {'P', 'J', 3, 4})).isFalse();
        assertThat(ZipUpload.looksLikeZip(new byte[] {'P', 'K', 7, 8})).isFalse(); // data descriptor, never first
        assertThat(ZipUpload.looksLikeZip(new byte[] {'P', 'K', 1, 2})).isFalse(); // central directory, never first
        assertThat(ZipUpload.looksLikeZip(new byte[] {'P', 'K', 3, 5})).isFalse();
        assertThat(ZipUpload.looksLikeZip(new byte[] {'P', 'K', 5, 5})).isFalse();
        assertThat(ZipUpload.looksLikeZip("{\"type\":1}".getBytes(StandardCharsets.US_ASCII))).isFalse();
    }

    /** Limits on the zip only; the vertex limits play no part in unpacking. */
    private static UploadLimits zipLimits(long maxUnpackedBytes, int maxPackingRatio, int maxEntries) {
        return new UploadLimits(maxUnpackedBytes, maxPackingRatio, maxEntries, Fixtures.LIMITS.maxVerticesPerFeature(), Fixtures.LIMITS.maxVertices());
    }

    private List<Path> unpack(Path zip, UploadLimits limits) throws IOException {
        Path into = Files.createTempDirectory(dir, "into");
        return ZipUpload.unpack(zip, zip.getFileName().toString(), into, limits);
    }

    private String refusal(Path zip, UploadLimits limits) throws IOException {
        Path into = Files.createTempDirectory(dir, "into");
        ProblemException refused = catchThrowableOfType(ProblemException.class, () -> ZipUpload.unpack(zip, zip.getFileName().toString(), into, limits));
        assertThat(refused).as("refusal of " + zip.getFileName()).isNotNull();
        assertThat(refused.errors()).extracting(error -> error.field()).containsOnly("file");
        return refused.getMessage();
    }

    private static byte[] zipOf(String name, byte[] content) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes)) {
            out.putNextEntry(new ZipEntry(name));
            out.write(content);
            out.closeEntry();
        }
        return bytes.toByteArray();
    }
}
