package org.gridcc.boundary.read;

import java.util.List;
import java.util.Map;
import org.gridcc.common.Problem;
import org.gridcc.common.ProblemException;
import org.gridcc.common.ProblemType;

/** The ways a reader refuses: a 400 problem naming the request field to change, or a 422 for a file too big to read. */
final class BadFile {

    private BadFile() {}

    static ProblemException refuse(String field, String detail) {
        return new ProblemException(ProblemType.INVALID_INPUT, detail, List.of(new Problem.FieldError(field, detail)));
    }

    /** Several things wrong with the same field, each in its own message. */
    static ProblemException refuse(String field, String detail, List<String> messages) {
        return new ProblemException(ProblemType.INVALID_INPUT, detail,
                messages.stream().map(message -> new Problem.FieldError(field, message)).toList());
    }

    /** A well-formed file with more in it than the service reads at once; extensions say where (e.g. the feature). */
    static ProblemException tooBig(String detail, Map<String, Object> extensions) {
        return new ProblemException(ProblemType.UNPROCESSABLE, detail, List.of(new Problem.FieldError("file", detail)), extensions);
    }
}
