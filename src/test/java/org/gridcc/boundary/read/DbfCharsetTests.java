package org.gridcc.boundary.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import org.gridcc.common.ProblemException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The DBF character set decided on hand-made files. A dBASE III header: byte 0 version, bytes
 * 8-9 the header length (little-endian), byte 29 the language driver id, then 32-byte field
 * descriptors and 0x0D; records follow the header.
 */
class DbfCharsetTests {

    private static final Charset GBK = Charset.forName("GBK");

    @TempDir Path dir;

    @Test
    void theGivenEncodingWinsInEveryWayAPersonWritesIt() throws Exception {
        Path dbf = dbf("given", 0x00, 65, "板桥镇".getBytes(StandardCharsets.UTF_8));
        assertThat(given("GBK", dbf)).isEqualTo(GBK);
        assertThat(given(" gbk ", dbf)).isEqualTo(GBK);
        assertThat(given("936", dbf)).isEqualTo(GBK);
        assertThat(given("CP936", dbf)).isEqualTo(GBK);
        assertThat(given("ANSI 936", dbf)).isEqualTo(GBK);
        assertThat(given("windows-936", dbf)).isEqualTo(GBK);
        assertThat(given("54936", dbf)).isEqualTo(Charset.forName("GB18030"));
        assertThat(given("65001", dbf)).isEqualTo(StandardCharsets.UTF_8);
        // A code page without its own entry is Java's windows-NNNN.
        assertThat(given("1252", dbf)).isEqualTo(Charset.forName("windows-1252"));
        assertThat(given("ANSI 1251", dbf)).isEqualTo(Charset.forName("windows-1251"));
        assertThat(DbfCharset.choose(Optional.of("GBK"), Optional.empty(), dbf, "given.dbf").warning()).isEmpty();

        ProblemException refused = catchThrowableOfType(ProblemException.class,
                () -> DbfCharset.choose(Optional.of("GBK2000"), Optional.empty(), dbf, "given.dbf"));
        assertThat(refused.errors()).singleElement().satisfies(error -> {
            assertThat(error.field()).isEqualTo("encoding");
            assertThat(error.message()).contains("\"GBK2000\"");
        });
    }

    @Test
    void theCpgComesNextAndABlankOneSaysNothing() throws Exception {
        Path dbf = dbf("cpg", 0x4D, 65, "板桥镇".getBytes(GBK)); // language driver 0x4D: GBK
        Path cpg = Files.writeString(dir.resolve("cpg.cpg"), "UTF-8\r\n");
        assertThat(DbfCharset.choose(Optional.empty(), Optional.of(cpg), dbf, "cpg.dbf").charset()).isEqualTo(StandardCharsets.UTF_8);

        Files.writeString(cpg, " \r\n");
        var blank = DbfCharset.choose(Optional.empty(), Optional.of(cpg), dbf, "cpg.dbf");
        assertThat(blank.charset()).isEqualTo(GBK);
        assertThat(blank.warning()).isEmpty();

        Files.writeString(cpg, "KOI9");
        ProblemException refused = catchThrowableOfType(ProblemException.class,
                () -> DbfCharset.choose(Optional.empty(), Optional.of(cpg), dbf, "cpg.dbf"));
        assertThat(refused.errors()).singleElement().satisfies(error -> {
            assertThat(error.field()).isEqualTo("encoding");
            assertThat(error.message()).contains("cpg.cpg names the character set \"KOI9\"");
        });
    }

    @Test
    void languageDriverIds() throws Exception {
        assertThat(chosen(dbf("ldid4d", 0x4D, 65, "板桥镇".getBytes(GBK)))).isEqualTo(GBK);
        assertThat(chosen(dbf("ldid7a", 0x7A, 65, "板桥镇".getBytes(GBK)))).isEqualTo(GBK);
        assertThat(chosen(dbf("ldid4f", 0x4F, 65, "板橋鎮".getBytes(Charset.forName("Big5"))))).isEqualTo(Charset.forName("Big5"));
        assertThat(chosen(dbf("ldidc9", 0xC9, 65, "Лес".getBytes(Charset.forName("windows-1251"))))).isEqualTo(Charset.forName("windows-1251"));
        assertThat(DbfCharset.choose(Optional.empty(), Optional.empty(), dbf("ldid", 0x4D, 65, new byte[] {'a'}), "ldid.dbf").warning()).isEmpty();
    }

    @Test
    void withoutAnyStatementValidUtf8IsUtf8AndElseGbkBothSaid() throws Exception {
        var utf8 = DbfCharset.choose(Optional.empty(), Optional.empty(), dbf("u", 0, 65, "板桥镇".getBytes(StandardCharsets.UTF_8)), "u.dbf");
        assertThat(utf8.charset()).isEqualTo(StandardCharsets.UTF_8);
        assertThat(utf8.warning()).hasValueSatisfying(warning -> assertThat(warning).startsWith("u.dbf does not say").contains("UTF-8 assumed"));
        var gbk = DbfCharset.choose(Optional.empty(), Optional.empty(), dbf("g", 0, 65, "板桥镇".getBytes(GBK)), "g.dbf");
        assertThat(gbk.charset()).isEqualTo(GBK);
        assertThat(gbk.warning()).hasValueSatisfying(warning -> assertThat(warning).startsWith("g.dbf does not say").contains("GBK assumed"));
    }

    /** Eight fields make a header of 32 + 8 × 32 + 1 = 289 bytes (0x0121): bytes 8 and 9 both count. */
    @Test
    void onlyTheRecordsAreCheckedNotTheBinaryHeader() throws Exception {
        Path dbf = dbf("wide", 0, 289, "板桥镇".getBytes(StandardCharsets.UTF_8));
        assertThat(chosen(dbf)).isEqualTo(StandardCharsets.UTF_8);
    }

    /** Files too short for a header: no language byte; with fewer than 10 bytes there are no records either. */
    @Test
    void filesTooShortForAHeader() throws Exception {
        byte[] ten = new byte[10];
        Arrays.fill(ten, (byte) 0xFF); // not UTF-8; bytes 8-9 would say a header of 65535 bytes
        ten[8] = 0;
        ten[9] = 0; // a header of 0 bytes: all ten bytes are records
        assertThat(chosen(Files.write(dir.resolve("ten.dbf"), ten))).isEqualTo(GBK);
        byte[] five = {(byte) 0xFF, (byte) 0xFE, (byte) 0xFD, (byte) 0xFC, (byte) 0xFB};
        assertThat(chosen(Files.write(dir.resolve("five.dbf"), five))).isEqualTo(StandardCharsets.UTF_8);
    }

    private Charset given(String name, Path dbf) throws Exception {
        return DbfCharset.choose(Optional.of(name), Optional.empty(), dbf, dbf.getFileName().toString()).charset();
    }

    private Charset chosen(Path dbf) throws Exception {
        return DbfCharset.choose(Optional.empty(), Optional.empty(), dbf, dbf.getFileName().toString()).charset();
    }

    /**
     * A DBF with the given language byte and header length, whose header bytes past the fixed
     * part are binary (0xFF, never valid UTF-8), followed by one record holding text.
     */
    private Path dbf(String name, int languageDriver, int headerLength, byte[] text) throws Exception {
        byte[] bytes = new byte[headerLength + 1 + text.length];
        Arrays.fill(bytes, 32, headerLength - 1, (byte) 0xFF);
        bytes[0] = 0x03;
        bytes[4] = 1; // one record
        bytes[8] = (byte) (headerLength & 0xFF);
        bytes[9] = (byte) (headerLength >> 8);
        bytes[10] = (byte) (text.length + 1);
        bytes[29] = (byte) languageDriver;
        bytes[headerLength - 1] = 0x0D;
        bytes[headerLength] = ' '; // the record's deletion flag
        System.arraycopy(text, 0, bytes, headerLength + 1, text.length);
        return Files.write(dir.resolve(name + ".dbf"), bytes);
    }
}
