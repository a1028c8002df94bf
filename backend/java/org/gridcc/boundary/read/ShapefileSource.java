package org.gridcc.boundary.read;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.h2.value.Value;
import org.h2.value.ValueDouble;
import org.h2.value.ValueNull;
import org.h2.value.ValueReal;
import org.h2gis.functions.io.dbf.internal.DbaseFileReader;
import org.h2gis.functions.io.shp.internal.IndexFile;
import org.h2gis.functions.io.shp.internal.ShapeType;
import org.h2gis.functions.io.shp.internal.ShapefileReader;
import org.locationtech.jts.geom.Geometry;

/** A Shapefile unpacked from a zip: .shp geometries, .dbf attributes, .prj CRS, .cpg character set. */
final class ShapefileSource {

    private static final Set<ShapeType> POLYGONS = Set.of(ShapeType.POLYGON, ShapeType.POLYGONZ, ShapeType.POLYGONM);
    private static final int SHP_HEADER_BYTES = 100;
    private static final int RECORD_HEADER_BYTES = 8;
    /** Where a polygon record's point count sits in its content: after type, bounding box and part count. */
    private static final int POLYGON_POINTS_AT = 40;

    private final Path dir;
    private final String zipName;

    private ShapefileSource(Path dir, String zipName) {
        this.dir = dir;
        this.zipName = zipName;
    }

    /** Reads the one Shapefile among the files unpacked into dir. */
    static FileLayer read(Path dir, List<Path> files, String zipName, ReadOptions options, VertexLimit vertices, ReadProgress progress) throws IOException {
        return new ShapefileSource(dir, zipName).read(files, options, vertices, progress);
    }

    private FileLayer read(List<Path> files, ReadOptions options, VertexLimit vertices, ReadProgress progress) throws IOException {
        Path shp = theShp(files);
        String base = shp.getFileName().toString().replaceFirst("(?i)\\.shp$", "");
        Optional<Path> shx = sibling(files, shp, base, "shx");
        Optional<Path> dbf = sibling(files, shp, base, "dbf");
        List<String> missing = new ArrayList<>();
        if (shx.isEmpty()) missing.add(zipName + " has " + name(shp) + " but no " + base + ".shx (the index of its shapes); add it to the zip");
        if (dbf.isEmpty()) missing.add(zipName + " has " + name(shp) + " but no " + base + ".dbf (the attributes); add it to the zip");
        if (!missing.isEmpty()) throw BadFile.refuse("file", String.join("; ", missing), missing);

        List<String> warnings = new ArrayList<>();
        DbfCharset.Choice charset = DbfCharset.choose(options.encoding(), sibling(files, shp, base, "cpg"), dbf.get(), name(dbf.get()));
        charset.warning().ifPresent(warnings::add);
        Optional<FileLayer.DeclaredCrs> crs = sibling(files, shp, base, "prj")
                .map(prj -> new FileLayer.DeclaredCrs(readText(prj), name(prj)))
                .filter(declared -> !declared.text().isBlank());

        try (FileChannel shpChannel = FileChannel.open(shp);
             FileChannel shxChannel = FileChannel.open(shx.get());
             FileChannel dbfChannel = FileChannel.open(dbf.get())) {
            ShapefileReader shapes = openShapes(shp, shpChannel);
            IndexFile index = openIndex(shx.get(), shxChannel);
            DbaseFileReader records = openRecords(dbf.get(), dbfChannel, charset);
            int count = index.getRecordCount();
            if (records.getRecordCount() != count) {
                throw BadFile.refuse("file", name(dbf.get()) + " has " + records.getRecordCount() + " records but " + name(shx.get())
                        + " indexes " + count + " shapes; the files come from different layers or one was cut short; export the Shapefile again");
            }
            List<String> fields = new ArrayList<>();
            for (int i = 0; i < records.getFieldCount(); i++) fields.add(records.getHeader().getFieldName(i));
            List<SourceFeature> features = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                Map<String, String> attributes = attributes(records, fields, i);
                Record record = record(index, shpChannel, shp, i);
                vertices.take(record.points(), true, i + 1, null, attributes);
                features.add(new SourceFeature(i + 1, attributes, shape(shapes, record, shp)));
                progress.step(i + 1, count);
            }
            if (count == 0) progress.read(0, 0);
            return new FileLayer("shapefile", fields, features, crs, charset.charset().name(), warnings);
        }
    }

    private Path theShp(List<Path> files) {
        List<Path> shps = files.stream().filter(file -> hasExtension(file, "shp")).toList();
        if (shps.isEmpty()) {
            throw BadFile.refuse("file", zipName + " holds no .shp file (it has " + String.join(", ", files.stream().map(this::name).toList())
                    + "); zip the .shp, .shx, .dbf, .prj and .cpg of the layer");
        }
        if (shps.size() > 1) {
            throw BadFile.refuse("file", zipName + " holds " + shps.size() + " Shapefiles (" + String.join(", ", shps.stream().map(this::name).toList())
                    + "); upload one layer per zip");
        }
        return shps.get(0);
    }

    private static Optional<Path> sibling(List<Path> files, Path shp, String base, String extension) {
        return files.stream()
                .filter(file -> file.getParent().equals(shp.getParent()))
                .filter(file -> file.getFileName().toString().equalsIgnoreCase(base + "." + extension))
                .findFirst();
    }

    private ShapefileReader openShapes(Path shp, FileChannel channel) throws IOException {
        ShapefileReader shapes;
        try {
            shapes = new ShapefileReader(channel);
        } catch (IOException | RuntimeException e) {
            throw BadFile.refuse("file", name(shp) + " is not a valid .shp (" + e.getMessage() + "); export the Shapefile again");
        }
        ShapeType type = shapes.getHeader().getShapeType();
        if (!POLYGONS.contains(type)) {
            throw BadFile.refuse("file", name(shp) + " holds " + type + " shapes; grid boundaries must be polygons");
        }
        long declared = 2L * shapes.getHeader().getFileLength();
        if (declared != channel.size()) {
            throw BadFile.refuse("file", name(shp) + " is " + channel.size() + " bytes but its header says " + declared
                    + "; the file was cut short or damaged; export the Shapefile again");
        }
        return shapes;
    }

    private IndexFile openIndex(Path shx, FileChannel channel) throws IOException {
        try {
            IndexFile index = new IndexFile(channel);
            if (channel.size() < SHP_HEADER_BYTES + 8L * index.getRecordCount()) throw new IOException("shorter than its header says");
            return index;
        } catch (IOException | RuntimeException e) {
            throw BadFile.refuse("file", name(shx) + " is not a valid .shx (" + e.getMessage() + "); export the Shapefile again");
        }
    }

    private DbaseFileReader openRecords(Path dbf, FileChannel channel, DbfCharset.Choice charset) throws IOException {
        try {
            DbaseFileReader records = new DbaseFileReader(channel, charset.charset().name());
            var header = records.getHeader();
            if (channel.size() < header.getHeaderLength() + (long) header.getNumRecords() * header.getRecordLength()) {
                throw new IOException("shorter than its " + header.getNumRecords() + " records");
            }
            return records;
        } catch (IOException | RuntimeException e) {
            throw BadFile.refuse("file", name(dbf) + " is not a valid .dbf (" + e.getMessage() + "); export the Shapefile again");
        }
    }

    /** Where a record lies in the .shp (offset in bytes), and the number of points its header declares (0 for a null shape). */
    private record Record(int number, int offset, int points) {}

    private Record record(IndexFile index, FileChannel shpChannel, Path shp, int i) throws IOException {
        int record = i + 1;
        int offset;
        long content;
        try {
            offset = index.getOffset(i); // in bytes, although H2GIS's IndexFile calls words*2 an "offset"
            content = 2L * index.getContentLength(i);
        } catch (IOException | RuntimeException e) {
            throw BadFile.refuse("file", "record " + record + " of the .shx cannot be read (" + e.getMessage() + "); export the Shapefile again");
        }
        long end = offset + RECORD_HEADER_BYTES + content;
        if (offset < SHP_HEADER_BYTES || end > shpChannel.size()) {
            throw BadFile.refuse("file", "record " + record + " of " + name(shp) + " lies outside the file (bytes " + offset + " to " + end
                    + " of " + shpChannel.size() + "); the .shp and .shx do not match or the .shp was cut short; export the Shapefile again");
        }
        return new Record(record, offset, declaredPoints(shpChannel, offset, content));
    }

    /**
     * The point count in a polygon record's header, read before H2GIS builds the shape so that
     * one over the vertex limit is never built. A count the record cannot hold is left for H2GIS to refuse.
     */
    private static int declaredPoints(FileChannel shp, int offset, long content) throws IOException {
        if (content < POLYGON_POINTS_AT + 4) return 0; // a null shape: its type only
        ByteBuffer counts = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
        shp.read(counts, offset + RECORD_HEADER_BYTES + POLYGON_POINTS_AT - 4);
        int parts = counts.getInt(0);
        int points = counts.getInt(4);
        boolean plausible = parts >= 0 && points >= 0 && POLYGON_POINTS_AT + 4 + 4L * parts + 16L * points <= content;
        return plausible ? points : 0;
    }

    private Geometry shape(ShapefileReader shapes, Record record, Path shp) {
        try {
            Geometry geometry = shapes.geomAt(record.offset());
            return geometry == null || geometry.isEmpty() ? null : CompactGeometry.of(geometry);
        } catch (IOException | RuntimeException e) {
            throw BadFile.refuse("file", "record " + record.number() + " of " + name(shp) + " cannot be read (" + e.getMessage()
                    + "); export the Shapefile again");
        }
    }

    private Map<String, String> attributes(DbaseFileReader records, List<String> fields, int row) {
        Map<String, String> attributes = new LinkedHashMap<>();
        for (int column = 0; column < fields.size(); column++) {
            try {
                Value value = records.getFieldValue(row, column);
                // A DBF has no null text: an empty field is all spaces, which H2GIS gives back as " ".
                if (value != null && value != ValueNull.INSTANCE && !value.getString().isBlank()) attributes.put(fields.get(column), text(value));
            } catch (IOException | RuntimeException e) {
                throw BadFile.refuse("file", "record " + (row + 1) + ", field " + fields.get(column) + " of the .dbf cannot be read ("
                        + e.getMessage() + "); export the Shapefile again");
            }
        }
        return attributes;
    }

    /** Decimal numbers in plain notation (530324101, not 5.30324101E8). */
    private static String text(Value value) {
        if (value instanceof ValueDouble || value instanceof ValueReal) {
            return Numbers.plain(value.getDouble());
        }
        return value.getString();
    }

    private static String readText(Path file) {
        try {
            return Files.readString(file, StandardCharsets.ISO_8859_1); // WKT is ASCII; never fails on odd bytes
        } catch (IOException e) {
            throw BadFile.refuse("crs", file.getFileName() + " cannot be read as text (" + e.getMessage() + "); give crs=EPSG:… instead");
        }
    }

    private static boolean hasExtension(Path file, String extension) {
        return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith("." + extension);
    }

    private String name(Path file) {
        return dir.relativize(file).toString();
    }
}
