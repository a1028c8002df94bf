package org.gridcc.cases.media;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.stream.StreamSupport;
import org.gridcc.common.ProblemException;

/** Reads the photos of cases (case_media); CaseRecord writes them. */
@ApplicationScoped
public class StoredPhotos {

    /** A photo as a case lists it: without its bytes. */
    public record Listed(int n, String contentType, int size, OffsetDateTime at) {}

    /** One photo with what decides who may see it: the case's place, holder and category, and who sent the photo. */
    public record Stored(String code, String grid, String unitCode, String category, int n, String contentType, byte[] bytes,
                         String sha256, String uploadedBy) {

        /**
         * The photo as an answer: its type as its bytes told, named by the case code and its number
         * (ETag: its SHA-256). Personal data: private to the one who asked, and kept by no cache
         * (no-store). X-Content-Type-Options: nosniff is on every answer.
         */
        public Response answer() {
            String extension = ImageType.ofContentType(contentType).map(ImageType::extension).orElse("img");
            return Response.ok(bytes, contentType)
                    .header("Cache-Control", "private, no-store")
                    .header("Content-Disposition", "inline; filename=\"%s-%d.%s\"".formatted(code, n, extension))
                    .tag(sha256)
                    .build();
        }
    }

    private final Pool pool;

    public StoredPhotos(Pool pool) {
        this.pool = pool;
    }

    public Uni<List<Listed>> of(long caseId) {
        return pool.preparedQuery("SELECT ordinal, content_type, size, created_at FROM case_media WHERE case_id = $1 ORDER BY ordinal")
                .execute(Tuple.of(caseId))
                .map(rows -> StreamSupport.stream(rows.spliterator(), false)
                        .map(row -> new Listed(row.getInteger("ordinal"), row.getString("content_type"), row.getInteger("size"),
                                row.getOffsetDateTime("created_at")))
                        .toList());
    }

    /** Photo n of the case with this code (as printed); 404 naming how many it has when there is no such photo. */
    public Uni<Stored> photo(String code, int n) {
        return pool.preparedQuery("""
                        SELECT c.code, c.category, u.code AS unit_code,
                               coalesce(c.base_code, c.group_code, c.village_code, c.township_code, c.county_code) AS grid,
                               (SELECT count(*) FROM case_media a WHERE a.case_id = c.id) AS photos,
                               m.ordinal, m.content_type, m.bytes, m.sha256, m.uploaded_by
                          FROM "case" c LEFT JOIN unit u ON u.id = c.unit_id
                          LEFT JOIN case_media m ON m.case_id = c.id AND m.ordinal = $2
                         WHERE c.code = $1""")
                .execute(Tuple.of(code, n))
                .map(rows -> {
                    if (rows.size() == 0) throw ProblemException.notFound("No case has code %s.".formatted(code));
                    Row row = rows.iterator().next();
                    if (row.getValue("ordinal") == null) {
                        long photos = row.getLong("photos");
                        throw ProblemException.notFound(photos == 0 ? "Case %s has no photos.".formatted(code)
                                : "Case %s has %d %s, numbered from 1; there is no photo %d."
                                        .formatted(code, photos, photos == 1 ? "photo" : "photos", n));
                    }
                    return new Stored(code, row.getString("grid"), row.getString("unit_code"), row.getString("category"), n,
                            row.getString("content_type"), row.getBuffer("bytes").getBytes(), row.getString("sha256"),
                            row.getString("uploaded_by"));
                });
    }
}
