package org.gridcc.common;

/** The kinds of problem the API reports, each with its status and a stable type URI. */
public enum ProblemType {
    MALFORMED_JSON(400, "Malformed JSON"),
    INVALID_INPUT(400, "Invalid input"),
    VALIDATION_FAILED(400, "Validation failed"),
    UNAUTHORIZED(401, "Unauthorized"),
    FORBIDDEN(403, "Forbidden"),
    /** A case or grid outside the caller's scope (their grid, or the cases their unit holds): a page tells it apart from a role's refusal. */
    OUTSIDE_SCOPE(403, "Outside your scope"),
    NOT_FOUND(404, "Not found"),
    METHOD_NOT_ALLOWED(405, "Method not allowed"),
    NOT_ACCEPTABLE(406, "Not acceptable"),
    CONFLICT(409, "Conflict"),
    /** An action the case does not allow in its state or rules; the problem's {@code allowed} lists those it does. */
    ACTION_NOT_ALLOWED(409, "Action not allowed now"),
    PRECONDITION_FAILED(412, "Precondition failed"),
    PAYLOAD_TOO_LARGE(413, "Content too large"),
    UNSUPPORTED_MEDIA_TYPE(415, "Unsupported media type"),
    UNPROCESSABLE(422, "Unprocessable content"),
    TOO_MANY_REQUESTS(429, "Too many requests"),
    HTTP_ERROR(400, "Request error"),
    SERVER_ERROR(500, "Internal server error"),
    /** The database is out of reach for now: worth retrying after Retry-After, unlike a server error. */
    DATABASE_UNAVAILABLE(503, "Database unavailable");

    private final int status;
    private final String title;

    ProblemType(int status, String title) {
        this.status = status;
        this.title = title;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public String uri() {
        return "urn:gridcc:problem:" + name().toLowerCase().replace('_', '-');
    }
}
