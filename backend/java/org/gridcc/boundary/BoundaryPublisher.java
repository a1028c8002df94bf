package org.gridcc.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import javax.sql.DataSource;
import org.gridcc.cases.CaseRecord;
import org.gridcc.common.ProblemException;
import org.gridcc.common.ProblemType;
import org.gridcc.grid.GridIndex;
import org.gridcc.grid.GridLookup;
import org.jboss.logging.Logger;

/**
 * Makes a checked draft the published version, or an earlier version published again, in one
 * transaction: version statuses, households and open cases re-assigned (each moved case with a
 * GRID_CHANGED event). Then the in-process index loads it, which tells /live clients to reload.
 * One publish or rollback at a time: a second one meanwhile gets 409 at once.
 */
@ApplicationScoped
public class BoundaryPublisher {

    private static final Logger LOG = Logger.getLogger(BoundaryPublisher.class);
    /** Held for the length of a publish or rollback transaction ("gridpub"). */
    private static final long LOCK = 0x6772_6964_7075_62L;

    /** What a publish or rollback did. */
    public record Outcome(int published, int retired, int householdsMoved, int casesMoved, long millis) {}

    private final DataSource db;
    private final GridIndex index;
    private final CaseRecord record;

    public BoundaryPublisher(DataSource db, GridIndex index, CaseRecord record) {
        this.db = db;
        this.index = index;
        this.record = record;
    }

    /** Publishes a checked draft; actor: who, as the GRID_CHANGED events of the moved cases name them. */
    public Outcome publish(int draft, String actor) {
        return switchVersion(draft, actor, Reassignment::planDraft, c -> {
            try (PreparedStatement query = c.prepareStatement("""
                    SELECT d.state, d.base_version, (v.report ->> 'publishable')::boolean AS publishable,
                           (v.report ->> 'errors')::int AS errors
                      FROM boundary_draft d JOIN grid_version v ON v.id = d.version_id WHERE d.version_id = ? FOR UPDATE""")) {
                query.setInt(1, draft);
                try (ResultSet rs = query.executeQuery()) {
                    if (!rs.next()) throw ProblemException.notFound("There is no boundary draft %d.".formatted(draft));
                    String state = rs.getString("state");
                    if (state.equals("published")) throw conflict("Draft %d is published already.".formatted(draft));
                    if (!state.equals("ready")) {
                        throw conflict("Draft %d is %s, not ready: wait for its checks (GET /api/boundaries/drafts/%d).".formatted(draft, state, draft));
                    }
                    if (!rs.getBoolean("publishable")) {
                        throw conflict("Draft %d has %d error(s) in its report: fix the file and upload it again, or apply the offered repairs."
                                .formatted(draft, rs.getInt("errors")));
                    }
                    int published = publishedVersion(c);
                    if (rs.getInt("base_version") != published) {
                        throw conflict(("Draft %d was checked against version %d, but version %d is published now: "
                                + "check it again (POST /api/boundaries/drafts/%d/check).").formatted(draft, rs.getInt("base_version"), published, draft));
                    }
                }
            }
            try (PreparedStatement done = c.prepareStatement("UPDATE boundary_draft SET state = 'published' WHERE version_id = ?")) {
                done.setInt(1, draft);
                done.executeUpdate();
            }
        });
    }

    public Outcome rollback(int version, String actor) {
        return switchVersion(version, actor, Reassignment::planAll, c -> {
            try (PreparedStatement query = c.prepareStatement("SELECT status FROM grid_version WHERE id = ? FOR UPDATE")) {
                query.setInt(1, version);
                try (ResultSet rs = query.executeQuery()) {
                    if (!rs.next()) throw ProblemException.notFound("There is no grid version %d.".formatted(version));
                    switch (rs.getString("status")) {
                        case "published" -> throw conflict("Version %d is the published version already.".formatted(version));
                        case "draft" -> throw conflict(
                                "Version %d is a draft, which was never published: publish it (POST /api/boundaries/drafts/%d/publish)."
                                        .formatted(version, version));
                        default -> { }
                    }
                }
            }
        });
    }

    /** What the transaction did, and the new version as it loaded it: the index takes that after the commit. */
    private record Switched(Outcome outcome, GridLookup lookup) {}

    @FunctionalInterface
    private interface Precondition {
        void check(Connection c) throws SQLException;
    }

    @FunctionalInterface
    private interface Planner {
        Reassignment.Plan plan(Connection c, GridLookup to) throws SQLException;
    }

    private Outcome switchVersion(int next, String actor, Planner planner, Precondition precondition) {
        long started = System.nanoTime();
        Switched switched = Jdbc.transaction(db, c -> {
            lock(c);
            precondition.check(c);
            int retired = publishedVersion(c);
            try (PreparedStatement retire = c.prepareStatement(
                    "UPDATE grid_version SET status = 'retired', retired_at = now() WHERE id = ?");
                 PreparedStatement publish = c.prepareStatement(
                         "UPDATE grid_version SET status = 'published', published_at = now(), retired_at = NULL WHERE id = ?")) {
                retire.setInt(1, retired);
                retire.executeUpdate();
                publish.setInt(1, next);
                publish.executeUpdate();
            }
            GridLookup lookup = GridLookup.load(c, next);
            Reassignment.Plan plan = planner.plan(c, lookup);
            Reassignment.apply(c, plan, actor);
            return new Switched(new Outcome(next, retired, plan.households().size(), plan.cases().size(),
                    (System.nanoTime() - started) / 1_000_000), lookup);
        });
        Outcome outcome = switched.outcome();
        LOG.infof("Grid version %d published (version %d retired): %,d households and %,d open cases moved in %d ms",
                outcome.published(), outcome.retired(), outcome.householdsMoved(), outcome.casesMoved(), outcome.millis());
        record.committed();
        index.use(switched.lookup());
        moveStragglers(actor);
        return outcome;
    }

    /** Cases taken in by the old index while the publish ran: placed in the new version now that the index has it. */
    private void moveStragglers(String actor) {
        try {
            Reassignment.Plan plan = Jdbc.transaction(db, c -> {
                Reassignment.Plan stragglers = Reassignment.planStragglers(c, index.lookup());
                Reassignment.apply(c, stragglers, actor);
                return stragglers;
            });
            if (!plan.cases().isEmpty()) {
                LOG.infof("%d case(s) taken in during the publish moved to version %d", plan.cases().size(), plan.version());
                record.committed();
            }
        } catch (RuntimeException e) {
            LOG.errorf(e, "Cases taken in during the publish were not moved; the next publish will move them");
        }
    }

    private static void lock(Connection c) throws SQLException {
        try (ResultSet rs = c.createStatement().executeQuery("SELECT pg_try_advisory_xact_lock(" + LOCK + ")")) {
            rs.next();
            if (!rs.getBoolean(1)) throw conflict("Another publish or rollback is running: try again when it has finished.");
        }
    }

    static int publishedVersion(Connection c) throws SQLException {
        return GridLookup.publishedVersion(c).orElseThrow(() -> conflict("No grid version is published."));
    }

    private static ProblemException conflict(String detail) {
        return new ProblemException(ProblemType.CONFLICT, detail, java.util.List.of(), Map.of());
    }
}
