package org.gridcc.cases.open311;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.List;
import org.gridcc.cases.media.StoredPhotos;
import org.gridcc.common.ProblemException;

/**
 * The photos of requests as Open311 shows them. Photos of residents can show faces and are not
 * moderated here, so they are not public: a request's media_url points at its first photo only
 * in answers to the client that posted the photos (its api_key on the read), and a photo is
 * served only to that client. A photo's uploaded_by is the client's name as {@link Open311Keys}
 * gives it (the RECEIVED event's client of a request it posted).
 */
@ApplicationScoped
class Open311Media {

    private final Pool pool;
    private final Open311Keys keys;
    private final Open311Requests requests;
    private final StoredPhotos photos;
    private final Open311Config config;

    Open311Media(Pool pool, Open311Keys keys, Open311Requests requests, StoredPhotos photos, Open311Config config) {
        this.pool = pool;
        this.keys = keys;
        this.requests = requests;
        this.photos = photos;
        this.config = config;
    }

    /** The requests, each with media_url at the first photo this client posted with it; unchanged for a public read (null). */
    Uni<List<ServiceRequest>> forClient(List<ServiceRequest> listed, String client) {
        if (client == null || listed.isEmpty()) return Uni.createFrom().item(listed);
        return pool.preparedQuery("""
                        SELECT c.code, min(m.ordinal) AS first FROM case_media m JOIN "case" c ON c.id = m.case_id
                         WHERE c.code = ANY($1) AND m.uploaded_by = $2 GROUP BY c.code""")
                .execute(Tuple.of(listed.stream().map(ServiceRequest::serviceRequestId).toArray(String[]::new), client))
                .map(rows -> {
                    var first = new HashMap<String, Integer>();
                    for (Row row : rows) first.put(row.getString("code"), row.getInteger("first"));
                    return listed.stream().map(r -> first.containsKey(r.serviceRequestId())
                            ? r.withMediaUrl(url(r.serviceRequestId(), first.get(r.serviceRequestId()))) : r).toList();
                });
    }

    /** Photo n of a listed request, for the client that posted it: 403 for any other key, 404 as reads say for a case not listed. */
    Uni<StoredPhotos.Stored> photo(String code, int n, String apiKey) {
        if (apiKey == null) throw Open311Exception.forbidden("api_key is missing: a request's photos are shown to the client that posted them, with its api_key.");
        return keys.reader(apiKey).chain(client -> requests.byIds(List.of(code), client).chain(listed -> {
            if (listed.isEmpty()) throw Open311Exception.notFound("No request has service_request_id %s.".formatted(code));
            return photos.photo(code, n).onFailure(ProblemException.class).transform(e -> Open311Exception.notFound(e.getMessage()));
        }).map(photo -> {
            if (!client.equals(photo.uploadedBy())) {
                throw Open311Exception.forbidden(("Photo %d of request %s was not posted with this api_key; a request's photos are shown "
                        + "only to the client that posted them.").formatted(n, code));
            }
            return photo;
        }));
    }

    /** Where photo n of a request is served: under the endpoint's published address (never the request's Host). */
    private String url(String id, int n) {
        return "%s/requests/%s/media/%d".formatted(config.endpointUrl(), id, n);
    }
}
