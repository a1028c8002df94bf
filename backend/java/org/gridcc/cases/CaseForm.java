package org.gridcc.cases;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.gridcc.cases.media.PhotoParts;
import org.gridcc.cases.media.Photos;
import org.gridcc.common.Problem.FieldError;
import org.gridcc.common.ProblemException;
import org.gridcc.common.ProblemType;
import org.jboss.resteasy.reactive.server.multipart.FormValue;
import org.jboss.resteasy.reactive.server.multipart.MultipartFormDataInput;

/**
 * A case sent as multipart/form-data: the case as JSON in the part {@code case} (what POST
 * /api/cases takes as application/json, held to the same rules) and its photos as the file parts
 * {@code media}. Reads files: call it on a worker thread.
 */
@ApplicationScoped
class CaseForm {

    static final String CASE = "case";
    private static final Set<String> PARTS = Set.of(CASE, PhotoParts.FIELD);

    private final ObjectMapper json;
    private final Validator validator;
    private final PhotoParts photos;

    CaseForm(ObjectMapper json, Validator validator, PhotoParts photos) {
        this.json = json;
        this.validator = validator;
        this.photos = photos;
    }

    record Sent(NewCase request, Photos photos) {}

    /** Photos alone (added to a case): the form's media parts, and nothing else. */
    Photos photos(MultipartFormDataInput form, String actor) {
        refuseUnknown(form, Set.of(PhotoParts.FIELD), "it takes the photos as \"media\"");
        return new Photos(photos.read(form.getValues().get(PhotoParts.FIELD)), actor);
    }

    /** The case and its checked photos, sent by this actor; a JSON or validation error is told as for a JSON body. */
    Sent read(MultipartFormDataInput form, String actor) throws JsonProcessingException {
        var values = form.getValues();
        refuseUnknown(form, PARTS, "it takes \"case\" and \"media\"");
        Collection<FormValue> cases = values.getOrDefault(CASE, List.of());
        if (cases.size() != 1) {
            throw new ProblemException(ProblemType.INVALID_INPUT, "Send the case as JSON in one form part named \"case\".",
                    List.of(new FieldError(CASE, cases.isEmpty() ? "missing" : "given more than once")));
        }
        NewCase request = json.readValue(PhotoParts.text(cases.iterator().next()), NewCase.class);
        if (request == null) throw new ProblemException(ProblemType.INVALID_INPUT, "The part \"case\" is empty; send the case as JSON.",
                List.of(new FieldError(CASE, "missing")));
        var violations = validator.validate(request);
        if (!violations.isEmpty()) throw new ConstraintViolationException(violations);
        return new Sent(request, new Photos(photos.read(values.get(PhotoParts.FIELD)), actor));
    }

    private static void refuseUnknown(MultipartFormDataInput form, Set<String> known, String takes) {
        List<String> unknown = form.getValues().keySet().stream().filter(name -> !known.contains(name)).sorted().toList();
        if (!unknown.isEmpty()) {
            throw new ProblemException(ProblemType.INVALID_INPUT, "The form has parts this API does not know; " + takes + ".",
                    unknown.stream().map(name -> new FieldError(name, "unknown part")).toList());
        }
    }
}
