package org.gridcc.boundary.read;

import java.util.List;
import org.gridcc.common.Problem;
import org.gridcc.common.ProblemException;
import org.gridcc.common.ProblemType;

/** The one way a reader refuses: a 400 problem naming the request field to change. */
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
}
