package org.gridcc.boundary.read;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Decides the character set of a DBF: the caller's choice, else the .cpg, else the language
 * driver byte, else UTF-8 if every byte is valid UTF-8, else GBK (what Chinese desktop GIS writes).
 */
final class DbfCharset {

    /** The character set and, when it was assumed rather than stated, a warning saying so. */
    record Choice(Charset charset, Optional<String> warning) {}

    private static final Charset GBK = Charset.forName("GBK");
    private static final int LANGUAGE_DRIVER_OFFSET = 29;

    /** Language driver ids (dBASE LDID) as ArcGIS and GDAL write them. */
    private static final Map<Integer, String> LANGUAGE_DRIVERS = Map.ofEntries(
            Map.entry(0x01, "IBM437"), Map.entry(0x02, "IBM850"), Map.entry(0x03, "windows-1252"),
            Map.entry(0x13, "Shift_JIS"), Map.entry(0x7B, "Shift_JIS"),
            Map.entry(0x4D, "GBK"), Map.entry(0x7A, "GBK"),
            Map.entry(0x4E, "x-windows-949"), Map.entry(0x79, "x-windows-949"),
            Map.entry(0x4F, "Big5"), Map.entry(0x78, "Big5"),
            Map.entry(0x26, "IBM866"), Map.entry(0x65, "IBM866"),
            Map.entry(0xC8, "windows-1250"), Map.entry(0xC9, "windows-1251"));

    /** Windows code pages as a .cpg may give them, by number. */
    private static final Map<String, String> CODE_PAGES = Map.of(
            "936", "GBK", "54936", "GB18030", "950", "Big5", "932", "Shift_JIS",
            "949", "x-windows-949", "65001", "UTF-8", "437", "IBM437", "850", "IBM850", "866", "IBM866");

    private DbfCharset() {}

    static Choice choose(Optional<String> given, Optional<Path> cpg, Path dbf, String dbfName) throws IOException {
        if (given.isPresent()) {
            return new Choice(named(given.get(), "encoding",
                    "encoding \"" + given.get() + "\" is not a character set this server knows; give e.g. GBK, GB18030 or UTF-8"), Optional.empty());
        }
        if (cpg.isPresent()) {
            String text = Files.readString(cpg.get(), StandardCharsets.ISO_8859_1).strip();
            if (!text.isEmpty()) {
                return new Choice(named(text, "encoding", cpg.get().getFileName() + " names the character set \"" + text
                        + "\", which this server does not know; give encoding=GBK or encoding=UTF-8"), Optional.empty());
            }
        }
        String byDriver = LANGUAGE_DRIVERS.get(languageDriver(dbf));
        if (byDriver != null) return new Choice(Charset.forName(byDriver), Optional.empty());
        if (isUtf8(dbf)) {
            return new Choice(StandardCharsets.UTF_8, Optional.of(dbfName + " does not say its character set (no .cpg, no language byte); UTF-8 assumed because all its text is valid UTF-8"));
        }
        return new Choice(GBK, Optional.of(dbfName + " does not say its character set (no .cpg, no language byte); GBK assumed because its text is not valid UTF-8; if names look wrong, give the right encoding (e.g. encoding=GB18030)"));
    }

    /** A character set by Java name, alias, "ANSI 936"-style label or bare Windows code page number. */
    private static Charset named(String name, String field, String unknown) {
        String label = name.strip().toUpperCase().replaceFirst("^(ANSI|CP|WINDOWS)[ -]?(?=\\d+$)", "");
        String javaName = CODE_PAGES.getOrDefault(label, label.matches("\\d+") ? "windows-" + label : name.strip());
        try {
            return Charset.forName(javaName);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw BadFile.refuse(field, unknown);
        }
    }

    private static int languageDriver(Path dbf) throws IOException {
        try (var channel = Files.newByteChannel(dbf)) {
            ByteBuffer header = ByteBuffer.allocate(LANGUAGE_DRIVER_OFFSET + 1);
            while (header.hasRemaining() && channel.read(header) > 0) { }
            return header.hasRemaining() ? 0 : header.get(LANGUAGE_DRIVER_OFFSET) & 0xFF;
        }
    }

    /** Checks the records only: the header holds binary counts that are not text. */
    private static boolean isUtf8(Path dbf) throws IOException {
        byte[] bytes = Files.readAllBytes(dbf);
        int headerLength = bytes.length < 10 ? bytes.length : Math.min(bytes.length, (bytes[8] & 0xFF) | (bytes[9] & 0xFF) << 8);
        try {
            StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, headerLength, bytes.length - headerLength));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
