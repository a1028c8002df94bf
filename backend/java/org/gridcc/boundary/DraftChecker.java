package org.gridcc.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import org.gridcc.common.ServiceClock;
import org.gridcc.grid.GridLookup;

/**
 * Runs every check of a draft in the caller's transaction and makes its report: the features
 * on their own, then the draft as a whole version (coverage), then what it would change.
 */
@ApplicationScoped
public class DraftChecker {

    private static final Comparator<DraftProblem> ERRORS_FIRST = Comparator.comparing(DraftProblem::severity)
            .thenComparing(p -> p.feature() == null ? Integer.MAX_VALUE : p.feature())
            .thenComparing(DraftProblem::check);

    private final BoundaryConfig config;
    private final ServiceClock clock;

    public DraftChecker(BoundaryConfig config, ServiceClock clock) {
        this.config = config;
        this.clock = clock;
    }

    /** steps hears the name of each step as it begins. */
    DraftReport check(Connection c, DraftTarget target, List<String> fileNotes, Consumer<String> steps) throws SQLException {
        steps.accept("features");
        FeatureChecks.Result features = new FeatureChecks(config.repairMaxChangePercent()).run(c, target);
        DraftGrids.write(c, target, features.passed());
        steps.accept("coverage");
        var problems = new ArrayList<DraftProblem>(features.problems());
        fileNotes.forEach(note -> problems.add(DraftProblem.warning("file", null, null, note)));
        if (features.features() == 0) problems.add(DraftProblem.error("no-features", null, null, "The file holds no features."));
        // Codes of another level: the coverage of the level would only repeat that every grid is missing.
        if (problems.stream().noneMatch(p -> p.check().equals("level-mismatch"))) {
            problems.addAll(new CoverageChecks(config).run(c, target, features.positionOf()));
        }
        problems.sort(ERRORS_FIRST);
        steps.accept("changes");
        DraftChanges.write(c, target, config.noiseM2(), config.reshapeToleranceM());
        Reassignment.Plan plan = Reassignment.planDraft(c, GridLookup.load(c, target.draft()));
        long errors = problems.stream().filter(DraftProblem::isError).count();
        return new DraftReport(target.draft(), target.baseVersion(), target.level(), target.scope(), features.features(),
                features.passed().size(), errors == 0, errors, problems.size() - errors, List.copyOf(problems),
                DraftChanges.summarise(c, target.draft(), plan),
                new DraftReport.Tolerances(config.toleranceM2(), config.noiseM2(), config.sliverM2(), config.repairMaxChangePercent(),
                        config.reshapeToleranceM()),
                features.levelFromCodes().orElse(null), ServiceClock.local(clock.now()));
    }
}
