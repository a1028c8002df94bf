package org.gridcc.cases;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import org.gridcc.access.AuditTrail;
import org.gridcc.access.Caller;
import org.gridcc.access.Masking;

/**
 * The reporter of a case as the caller may see them: masked by default (张*, 138****1234); in full
 * for a role that may and asks ({@code unmasked=true}), each such read in the audit trail before
 * the data leaves; withheld altogether in a confidential case (检举控告) from all but the unit
 * handling it, so that the person reported on cannot learn who reported. Photos can show who took
 * them: in a confidential case they are withheld with the reporter.
 */
@ApplicationScoped
public class ReporterPrivacy {

    private final AuditTrail audit;

    public ReporterPrivacy(AuditTrail audit) {
        this.audit = audit;
    }

    public Uni<CaseView> shown(CaseView view, Caller caller, boolean unmasked, String address) {
        boolean withheld = withheldFrom(caller, view.category().code(), view.unit() == null ? null : view.unit().code());
        CaseView seen = withheld ? view.withPhotosWithheld() : view;
        NewCase.Reporter reporter = view.reporter();
        if (reporter == null) return Uni.createFrom().item(seen.withReporter(null, null));
        if (withheld) return Uni.createFrom().item(seen.withReporter(null, "withheld"));
        if (!unmasked) return Uni.createFrom().item(seen.withReporter(masked(reporter), "masked"));
        if (!caller.role().mayUnmask()) {
            throw new org.gridcc.common.ProblemException(org.gridcc.common.ProblemType.FORBIDDEN,
                    "Your role (%s) sees reporters masked only; leave out unmasked=true.".formatted(caller.role().code()));
        }
        return audit.recordBeforeShowing(caller, "case.unmasked", view.code(), address,
                        Map.of("fields", "reporter", "confidential", confidential(view.category().code())))
                .replaceWith(seen.withReporter(reporter, "unmasked"));
    }

    /**
     * Whether the reporter and photos of a case of this category, held by this unit (its code), are
     * withheld from the caller: in a confidential case from everyone but the holding unit.
     */
    public static boolean withheldFrom(Caller caller, String category, String holdingUnit) {
        boolean handles = caller.unit() != null && caller.unit().equals(holdingUnit);
        return confidential(category) && !handles;
    }

    private static boolean confidential(String category) {
        return Categories.of(category).map(Category::confidential).orElse(false);
    }

    static NewCase.Reporter masked(NewCase.Reporter reporter) {
        return new NewCase.Reporter(Masking.name(reporter.name()), Masking.phone(reporter.phone()));
    }
}
