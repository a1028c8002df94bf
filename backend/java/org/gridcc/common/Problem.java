package org.gridcc.common;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An RFC 9457 problem: every error the API answers has this body, as
 * {@code application/problem+json}. {@code errors} names each bad field; {@code errorId}
 * ties a server error to its log entry; {@code extensions} are further members (RFC 9457
 * section 3.2) that a client can use, such as the nearest grid to a point outside the county.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(
        String type,
        String title,
        int status,
        String detail,
        String instance,
        List<FieldError> errors,
        String errorId,
        @JsonAnyGetter Map<String, Object> extensions) {

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final Set<String> MEMBERS = Set.of("type", "title", "status", "detail", "instance", "errors", "errorId");

    public Problem {
        // An extension named like a member would overwrite it in the JSON (a case's "status" over the HTTP status).
        for (String name : extensions == null ? Set.<String>of() : extensions.keySet()) {
            if (MEMBERS.contains(name)) throw new IllegalArgumentException("problem extension \"" + name + "\" hides a member");
        }
    }

    /** One field that is wrong and what to do about it. */
    public record FieldError(String field, String message) {}

    public static Problem of(ProblemType type, String detail, String instance) {
        return new Problem(type.uri(), type.title(), type.status(), detail, instance, List.of(), null, Map.of());
    }

    public Problem withErrors(List<FieldError> fieldErrors) {
        return new Problem(type, title, status, detail, instance, List.copyOf(fieldErrors), errorId, extensions);
    }

    public Problem withErrorId(String id) {
        return new Problem(type, title, status, detail, instance, errors, id, extensions);
    }

    public Problem withExtensions(Map<String, Object> members) {
        return new Problem(type, title, status, detail, instance, errors, errorId, Map.copyOf(members));
    }
}
