package org.gridcc.cases.open311;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** Answers in the format asked for: JSON as Jackson writes the record, XML from the same record's tree. */
@ApplicationScoped
class Open311Writer {

    private final ObjectMapper json;

    Open311Writer(ObjectMapper json) {
        this.json = json;
    }

    /** A list, in XML {@code <root><item>...</item></root>}. */
    Response list(Open311Format format, int status, String root, String item, List<?> items) {
        return answer(format, status, root, item, items);
    }

    /** One document, in XML {@code <root>...</root>}. */
    Response document(Open311Format format, String root, Object content) {
        return answer(format, 200, root, null, content);
    }

    Response errors(Open311Format format, Open311Exception e) {
        Response answer = list(format, e.status(), "errors", "error", e.errors());
        if (e.retryAfterSeconds() <= 0) return answer;
        return Response.fromResponse(answer).header("Retry-After", e.retryAfterSeconds()).build();
    }

    /** The errors as the body of an answer made outside JAX-RS (before a request's body is read). */
    String errorsText(Open311Format format, Open311Exception e) {
        try {
            return format == Open311Format.JSON ? json.writeValueAsString(e.errors())
                    : Open311Xml.document("errors", "error", json.valueToTree(e.errors()));
        } catch (JsonProcessingException failure) {
            throw new IllegalStateException(failure);
        }
    }

    private Response answer(Open311Format format, int status, String root, String item, Object content) {
        Object entity = format == Open311Format.JSON ? content : Open311Xml.document(root, item, json.valueToTree(content));
        return Response.status(status).type(format.mediaType()).entity(entity).build();
    }
}
