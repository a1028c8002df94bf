package org.gridcc.cases;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import java.util.List;
import org.gridcc.common.Problem.FieldError;
import org.gridcc.common.ProblemException;
import org.gridcc.common.ProblemType;
import org.gridcc.people.People;

/**
 * Checks a mediation before it is recorded on a dispute: the case is a dispute, the mediator is in
 * the pool and takes disputes of its category (点菜 is among those), the kind is the mediator's
 * body's, and 司法确认 follows an agreement. The mediation as recorded names the mediator.
 */
final class Mediations {

    private Mediations() {}

    static Uni<ActionRequest> resolved(SqlClient tx, ActionRequest request, String caseCode, String category) {
        if (Categories.of(category).map(c -> !c.mediation()).orElse(true)) {
            throw new ProblemException(ProblemType.CONFLICT, "Case %s is not a dispute (%s): only disputes are mediated, of %s."
                    .formatted(caseCode, category, Categories.all().stream().filter(Category::mediation).map(Category::code).toList()));
        }
        ActionRequest.Mediation mediation = request.mediation();
        if (mediation == null) {
            throw invalid("mediation", "give the mediation: mediator (id), agreement (true or false), and kind and judicialConfirmation if known");
        }
        if (Boolean.TRUE.equals(mediation.judicialConfirmation()) && !mediation.agreement()) {
            throw invalid("mediation.judicialConfirmation", "a court confirms an agreement (司法确认): there is none without agreement");
        }
        return People.mediator(tx, mediation.mediator()).map(found -> {
            var mediator = found.orElseThrow(() -> invalid("mediation.mediator",
                    "no mediator has id %d; pick one from GET /api/people?kind=mediator&category=%s".formatted(mediation.mediator(), category)));
            if (!mediator.specialties().contains(category)) {
                throw invalid("mediation.mediator", "%s takes %s, not %s; pick one from GET /api/people?kind=mediator&category=%s"
                        .formatted(mediator.name(), mediator.specialties(), category, category));
            }
            if (mediation.kind() != null && mediation.kind() != mediator.kind()) {
                throw invalid("mediation.kind", "%s mediates for %s, a body of %s mediation".formatted(mediator.name(), mediator.body(),
                        mediator.kind().code()));
            }
            return request.withMediation(mediation.resolved(mediator.name(), mediator.kind()));
        });
    }

    private static ProblemException invalid(String field, String message) {
        return new ProblemException(ProblemType.VALIDATION_FAILED, "The mediation is not complete or not right; see errors.",
                List.of(new FieldError(field, message)));
    }
}
