package org.gridcc.boundary;

import java.util.UUID;
import org.gridcc.common.Problem;
import org.gridcc.common.ProblemException;
import org.gridcc.common.ProblemType;
import org.jboss.logging.Logger;

/**
 * Why a draft's job stopped, told once. A refusal of the file stays as it was (its problem, one
 * line in the log); anything else (a bug, running out of memory or stack) is logged with its
 * stack under an error id and told as a server error that names the step and quotes the id.
 * problem: what the draft keeps; reason: what the caller hears.
 */
record JobFailure(Problem problem, ProblemException reason) {

    private static final Logger LOG = Logger.getLogger(DraftJobs.class);

    /** step: the job's step when it stopped (queued, reading, features, …); fileName: the upload's, or null. */
    static JobFailure of(int draft, String step, String fileName, Throwable e) {
        String instance = "/api/boundaries/drafts/" + draft;
        if (e instanceof ProblemException refusal) {
            LOG.infof("Draft %d refused while %s: %s", draft, step, refusal.getMessage());
            Problem problem = Problem.of(refusal.type(), refusal.getMessage(), instance).withErrors(refusal.errors()).withExtensions(refusal.extensions());
            return new JobFailure(problem, refusal);
        }
        String id = UUID.randomUUID().toString();
        LOG.errorf(e, "Draft %d failed while %s, error id %s", draft, step, id);
        String detail = what(e, doing(step, fileName)) + " Quote error id " + id + " to the operators.";
        return new JobFailure(Problem.of(ProblemType.SERVER_ERROR, detail, instance).withErrorId(id), new ProblemException(ProblemType.SERVER_ERROR, detail));
    }

    private static String doing(String step, String fileName) {
        return switch (step) {
            case "queued" -> "starting";
            case "reading" -> "reading " + (fileName == null ? "the file" : fileName);
            default -> "checking the draft (step " + step + ")";
        };
    }

    private static String what(Throwable e, String doing) {
        if (e instanceof OutOfMemoryError) {
            return "The job ran out of memory while " + doing + " and was stopped; the service runs on. Upload fewer or simpler grids at a time (scope).";
        }
        if (e instanceof StackOverflowError) return "The job ran out of stack while " + doing + " and was stopped; the service runs on.";
        return "The job failed while " + doing + " and was stopped.";
    }
}
