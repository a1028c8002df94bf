package org.gridcc.cases.open311;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.List;
import java.util.function.BiFunction;
import org.gridcc.cases.Categories;
import org.gridcc.cases.Category;
import org.gridcc.cases.media.StoredPhotos;
import org.gridcc.common.ProblemException;

/**
 * The photos of requests as Open311 shows them. Photos of residents can show faces and are not
 * moderated here, so they are not public: a request's media_url points at its first photo only
 * in answers to the client that posted it (its api_key on the read), and the photo is served
 * only to that client.
 */
@ApplicationScoped
class Open311Media {

    private final Pool pool;
    private final Open311Clients clients;
    private final StoredPhotos photos;

    Open311Media(Pool pool, Open311Clients clients, StoredPhotos photos) {
        this.pool = pool;
        this.clients = clients;
        this.photos = photos;
    }

    /**
     * The requests, each with media_url at its first photo when the client of this key posted it;
     * unchanged without a key. url gives a photo's address from the request id and the photo number.
     */
    Uni<List<ServiceRequest>> forClient(List<ServiceRequest> requests, String apiKey, BiFunction<String, Integer, String> url) {
        if (apiKey == null || requests.isEmpty()) return Uni.createFrom().item(requests);
        return clients.of(apiKey).chain(client -> pool.preparedQuery("""
                                SELECT c.code, min(m.ordinal) AS first FROM case_media m JOIN "case" c ON c.id = m.case_id
                                 WHERE c.code = ANY($1) AND m.uploaded_by = $2 GROUP BY c.code""")
                        .execute(Tuple.of(requests.stream().map(ServiceRequest::serviceRequestId).toArray(String[]::new), client)))
                .map(rows -> {
                    var first = new HashMap<String, Integer>();
                    for (Row row : rows) first.put(row.getString("code"), row.getInteger("first"));
                    return requests.stream().map(r -> first.containsKey(r.serviceRequestId())
                            ? r.withMediaUrl(url.apply(r.serviceRequestId(), first.get(r.serviceRequestId()))) : r).toList();
                });
    }

    /** Photo n of a request, for the client that posted it: 403 for any other key, 404 as reads do for a case that is not a request. */
    Uni<StoredPhotos.Stored> photo(String code, int n, String apiKey) {
        if (apiKey == null) throw Open311Exception.forbidden("api_key is missing: a request's photos are shown to the client that posted them, with its api_key.");
        return clients.of(apiKey).chain(client -> photos.photo(code, n)
                .onFailure(ProblemException.class).transform(e -> Open311Exception.notFound(e.getMessage()))
                .map(photo -> {
                    if (Categories.of(photo.category()).map(Category::confidential).orElse(true)) {
                        throw Open311Exception.notFound("No request has service_request_id %s.".formatted(code));
                    }
                    if (!client.equals(photo.uploadedBy())) {
                        throw Open311Exception.forbidden("Photo %d of request %s was not posted with this api_key; a request's photos are shown only to the client that posted them."
                                .formatted(n, code));
                    }
                    return photo;
                }));
    }
}
