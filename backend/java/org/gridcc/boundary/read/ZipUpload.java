package org.gridcc.boundary.read;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;

/**
 * Unpacks an uploaded zip into a directory, refusing zip bombs and path tricks. Sizes are
 * counted as bytes actually inflated: the sizes in the entry headers are whatever the sender wrote.
 */
final class ZipUpload {

    // Names without the zip's UTF-8 flag are in the packer's code page: GBK on Chinese Windows.
    private static final Charset NAMES = Charset.forName("GBK");
    private static final Pattern ABSOLUTE = Pattern.compile("^([/\\\\]|[A-Za-z]:).*");

    private ZipUpload() {}

    /** The files unpacked, in zip order; macOS resource forks (__MACOSX/) are skipped. */
    static List<Path> unpack(Path zip, String fileName, Path into, UploadLimits limits) {
        long zipSize = size(zip);
        long maxByRatio = zipSize * limits.maxPackingRatio();
        List<Path> files = new ArrayList<>();
        int entries = 0;
        long unpacked = 0;
        byte[] buffer = new byte[64 * 1024];
        int listed = listedEntries(zip, fileName);
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip), NAMES)) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                if (++entries > limits.maxEntries()) {
                    throw BadFile.refuse("file", fileName + " has more than " + limits.maxEntries()
                            + " entries; zip only the .shp, .shx, .dbf, .prj and .cpg of one layer");
                }
                String name = entry.getName().replace('\\', '/');
                checkName(name, fileName);
                if (entry.isDirectory() || name.startsWith("__MACOSX/")) continue;
                Path target = into.resolve(name).normalize();
                Files.createDirectories(target.getParent());
                try (OutputStream out = Files.newOutputStream(target)) {
                    for (int n; (n = in.read(buffer)) > 0; ) {
                        unpacked += n;
                        if (unpacked > limits.maxUnpackedBytes()) {
                            throw BadFile.refuse("file", fileName + " unpacks to more than " + limits.maxUnpackedBytes()
                                    + " bytes (at " + name + "); upload a smaller layer or split it");
                        }
                        if (unpacked > maxByRatio) {
                            throw BadFile.refuse("file", fileName + " unpacks to more than " + limits.maxPackingRatio()
                                    + " times its own size of " + zipSize + " bytes (at " + name
                                    + "), which boundary files never do; zip the Shapefile again");
                        }
                        out.write(buffer, 0, n);
                    }
                }
                files.add(target);
            }
        } catch (IOException | IllegalArgumentException e) {
            // ZipInputStream reports bad names and encodings as IllegalArgumentException.
            throw BadFile.refuse("file", fileName + " is not a readable zip (" + e.getMessage()
                    + "); zip the Shapefile again and upload that");
        }
        if (entries != listed) {
            throw BadFile.refuse("file", fileName + " is damaged: its directory lists " + listed + " entries but only " + entries
                    + " can be read; zip the Shapefile again and upload that");
        }
        if (files.isEmpty()) throw BadFile.refuse("file", fileName + " is an empty zip; zip the .shp, .shx, .dbf (and .prj, .cpg) of the layer");
        return files;
    }

    /**
     * The entry count of the zip's central directory. ZipInputStream alone stops quietly at a
     * damaged entry, so a zip whose directory lists more than it could read is damaged.
     */
    private static int listedEntries(Path zip, String fileName) {
        try (ZipFile file = new ZipFile(zip.toFile(), NAMES)) {
            return file.size();
        } catch (IOException e) {
            throw BadFile.refuse("file", fileName + " is not a readable zip (" + e.getMessage() + "); zip the Shapefile again and upload that");
        }
    }

    private static void checkName(String name, String fileName) {
        if (ABSOLUTE.matcher(name).matches()) {
            throw BadFile.refuse("file", fileName + " has an entry with an absolute path (" + name + "); zip the files with relative names");
        }
        for (String part : name.split("/")) {
            if (part.equals("..")) {
                throw BadFile.refuse("file", fileName + " has an entry that points outside the zip (" + name + "); zip the files without \"..\" in their paths");
            }
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the upload " + file, e);
        }
    }

    /** True when the file starts like a zip (local file header, or the end record of an empty zip). */
    static boolean looksLikeZip(byte[] head) {
        return head.length >= 4 && head[0] == 'P' && head[1] == 'K' && (head[2] == 3 || head[2] == 5) && (head[3] == 4 || head[3] == 6);
    }
}
