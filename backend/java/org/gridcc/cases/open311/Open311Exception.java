package org.gridcc.cases.open311;

import java.util.List;
import java.util.Map;
import org.gridcc.common.ProblemException;

/** A request that Open311 refuses: the HTTP status and the errors its body lists. */
final class Open311Exception extends RuntimeException {

    /** The fields of a case as the case intake names them, and as an Open311 client sent them. */
    private static final Map<String, String> OPEN311_FIELDS = Map.of(
            "category", "service_code",
            "gridCode", "address_id",
            "location", "lat, long",
            "location.lon", "long",
            "location.lat", "lat",
            "reporter.name", "first_name, last_name",
            "reporter.phone", "phone",
            "title", "description");

    private final int status;
    private final List<Open311Error> errors;
    /** For a 429: when the client may try again; else 0. */
    private final long retryAfterSeconds;

    Open311Exception(int status, List<String> descriptions) {
        this(status, descriptions, 0);
    }

    private Open311Exception(int status, List<String> descriptions, long retryAfterSeconds) {
        super(String.join("; ", descriptions), null, false, false);
        this.status = status;
        this.errors = descriptions.stream().map(d -> new Open311Error(status, d)).toList();
        this.retryAfterSeconds = retryAfterSeconds;
    }

    static Open311Exception tooManyRequests(String description, long retryAfterSeconds) {
        return new Open311Exception(429, List.of(description), retryAfterSeconds);
    }

    /** The database out of reach: worth trying again after a while, unlike a 500. */
    static Open311Exception unavailable(String description, long retryAfterSeconds) {
        return new Open311Exception(503, List.of(description), retryAfterSeconds);
    }

    long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    static Open311Exception badRequest(String description) {
        return new Open311Exception(400, List.of(description));
    }

    static Open311Exception badField(String field, String message) {
        return badRequest(field + ": " + message);
    }

    static Open311Exception forbidden(String description) {
        return new Open311Exception(403, List.of(description));
    }

    static Open311Exception notFound(String description) {
        return new Open311Exception(404, List.of(description));
    }

    /**
     * A problem of the case intake in Open311's terms: 403 and 404 stay, every other refusal is a 400
     * (the spec's status for a request that cannot be fulfilled), and fields get their Open311 names.
     */
    static Open311Exception from(ProblemException problem) {
        int status = problem.type().status();
        int open311Status = status == 403 || status == 404 || status >= 500 ? status : 400;
        List<String> descriptions = problem.errors().isEmpty() ? List.of(problem.getMessage())
                : problem.errors().stream().map(e -> field(e.field()) + ": " + e.message()).toList();
        return new Open311Exception(open311Status, descriptions);
    }

    /** The Open311 name of a field of {@link org.gridcc.cases.NewCase}. */
    static String field(String caseField) {
        return OPEN311_FIELDS.getOrDefault(caseField, caseField);
    }

    int status() {
        return status;
    }

    List<Open311Error> errors() {
        return errors;
    }
}
