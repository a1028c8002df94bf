package org.gridcc.boundary;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.sql.DataSource;
import org.gridcc.boundary.read.BoundaryFiles;
import org.gridcc.boundary.read.FieldMapping;
import org.gridcc.boundary.read.ReadOptions;
import org.gridcc.boundary.read.SourceFile;
import org.gridcc.boundary.read.UploadLimits;
import org.gridcc.common.Problem.FieldError;
import org.gridcc.common.ProblemException;
import org.gridcc.common.ProblemType;
import org.gridcc.grid.GridLevel;
import org.jboss.logging.Logger;

/**
 * The work on drafts that may take long: reading a file and checking it, checking again. One
 * job at a time (they are heavy on PostGIS, and a second upload should not slow the first),
 * each in one transaction, with its progress written to the draft and pushed to /live.
 */
@ApplicationScoped
public class DraftJobs {

    private static final Logger LOG = Logger.getLogger(DraftJobs.class);
    private static final long PROGRESS_EVERY_NANOS = 250_000_000L;

    /** Field names the uploader gave; the rest are detected. */
    public record FieldChoice(java.util.Optional<String> code, java.util.Optional<String> name,
                              java.util.Optional<String> parent, java.util.Optional<String> head) {}

    private final DataSource db;
    private final DraftStore store;
    private final DraftChecker checker;
    private final BoundaryConfig config;
    private final Event<DraftProgress> progress;
    private final ExecutorService jobs = Executors.newSingleThreadExecutor(r -> new Thread(r, "boundary-jobs"));
    /** Drafts whose job is queued or runs on this node, and those of them being deleted (their job stops at its next step or count). */
    private final Set<Integer> onThisNode = ConcurrentHashMap.newKeySet();
    private final Set<Integer> cancelled = ConcurrentHashMap.newKeySet();

    public DraftJobs(DataSource db, DraftStore store, DraftChecker checker, BoundaryConfig config, Event<DraftProgress> progress) {
        this.db = db;
        this.store = store;
        this.checker = checker;
        this.config = config;
        this.progress = progress;
    }

    /** The first job of all: the CRS database, so the first upload does not wait for it. */
    void onStart(@Observes StartupEvent start) {
        jobs.execute(() -> {
            long started = System.nanoTime();
            try {
                BoundaryFiles.warmUp();
                LOG.infof("CRS database ready in %d ms", (System.nanoTime() - started) / 1_000_000);
            } catch (RuntimeException e) {
                // Uploads in a projected CRS will say why they cannot be read; the service runs on.
                LOG.warnf("The CRS database did not open: %s", e.getMessage());
            }
        });
    }

    @PreDestroy
    void stop() {
        jobs.shutdownNow();
    }

    /**
     * Reads the uploaded file into the draft and checks it; the file is deleted when the job ends.
     * Whatever stops the job (a refusal, a bug, running out of memory) ends it with the draft
     * failed and the reason on it, so that nothing stays "reading" and the draft can be deleted.
     * The file is read before the transaction; the transaction holds the draft's job lock (see
     * DraftJobLock) and goes on only while the draft is still reading: a draft deleted meanwhile,
     * or ended by a node's start-up, is left alone.
     */
    CompletableFuture<DraftReport> read(DraftTarget target, boolean levelFromCodes, Path file, String fileName, ReadOptions options,
                                        FieldChoice fields) {
        onThisNode.add(target.draft());
        return CompletableFuture.supplyAsync(() -> {
            var steps = new Steps(target.draft());
            try {
                steps.enter("reading");
                SourceFile source = BoundaryFiles.read(file, fileName, options, limits(), (done, total) -> steps.count(done, total));
                FieldMapping mapping = FieldMapping.detect(source.fields(), fields.code(), fields.name(), fields.parent(), fields.head());
                return Jdbc.transaction(db, c -> {
                    DraftJobLock.hold(c, target.draft());
                    if (!store.isIn(c, target.draft(), "reading")) throw new Deleted();
                    store.saveFeatures(c, target.draft(), source, mapping);
                    DraftTarget at = levelFromCodes ? atLevelOfCodes(c, target) : target;
                    DraftReport report = check(c, at, source.warnings(), steps);
                    store.saveFacts(c, target.draft(), source, mapping, at.level());
                    return report;
                });
            } catch (Throwable e) {
                if (e instanceof Deleted) throw deleted(steps);
                throw failed(target.draft(), steps.step, fileName, e);
            } finally {
                ended(target.draft());
                deleteQuietly(file);
            }
        }, jobs);
    }

    /** The draft at the level most of its codes are of (LevelSuggestion); refused when they tell none, or it does not fit the scope. */
    private DraftTarget atLevelOfCodes(Connection c, DraftTarget target) throws SQLException {
        GridLevel level = LevelSuggestion.of(store.codes(c, target.draft())).map(LevelSuggestion::level).orElseThrow(() ->
                new ProblemException(ProblemType.INVALID_INPUT, "No code of the file has the length of a grid level's: choose the level.",
                        List.of(new FieldError("level", "auto: the codes tell no level"))));
        if (!target.scope().isEmpty()) {
            GridLevel scopeLevel = GridLevel.ofGridCode(target.scope()).orElseThrow();
            if (!DraftTarget.scopeFits(scopeLevel, level)) throw DraftTarget.scopeTooFine(target.scope(), scopeLevel, level);
        }
        return target.at(level);
    }

    /** Asks a job of this draft queued or running on this node to stop at its next step or count. */
    void cancel(int draft) {
        if (onThisNode.contains(draft)) cancelled.add(draft);
    }

    private void ended(int draft) {
        onThisNode.remove(draft);
        cancelled.remove(draft);
    }

    /** The job's draft was deleted under it: what a waiting uploader hears. */
    private static ProblemException deleted(Steps steps) {
        LOG.infof("Draft %d was deleted: its job stopped while %s, at %d of %d", steps.draft, steps.step, steps.done, steps.total);
        return new ProblemException(ProblemType.CONFLICT, "Draft %d was deleted while its job ran.".formatted(steps.draft));
    }

    /** Thrown inside a job whose draft is gone, to roll its transaction back. */
    private static final class Deleted extends RuntimeException {
        Deleted() {
            super(null, null, false, false);
        }
    }

    /** Checks a draft again against the version published now, applying its offered repairs first when asked; a failure changes nothing. */
    CompletableFuture<DraftReport> recheck(int draft, GridLevel level, String scope, boolean repair) {
        onThisNode.add(draft);
        return CompletableFuture.supplyAsync(() -> {
            var steps = new Steps(draft);
            try {
                return Jdbc.transaction(db, c -> {
                    DraftJobLock.hold(c, draft);
                    if (!store.isIn(c, draft, "checking")) throw new Deleted();
                    if (repair) applyRepairs(c, draft);
                    var target = new DraftTarget(draft, level, scope, BoundaryPublisher.publishedVersion(c));
                    return check(c, target, store.notes(c, draft), steps);
                });
            } catch (Throwable e) {
                if (e instanceof Deleted) throw deleted(steps);
                ProblemException reason = JobFailure.of(draft, steps.step, null, e).reason();
                // The check was rolled back: the draft is as it was before, ready.
                try {
                    Jdbc.autocommit(db, c -> {
                        store.state(c, draft, "ready", Map.of());
                        return null;
                    });
                } catch (RuntimeException again) {
                    LOG.errorf(again, "Draft %d is left in state checking", draft);
                }
                throw reason;
            } finally {
                ended(draft);
            }
        }, jobs);
    }

    private DraftReport check(Connection c, DraftTarget target, List<String> notes, Steps steps) throws SQLException {
        DraftReport report = checker.check(c, target, notes, steps::enter);
        store.saveReport(c, report);
        return report;
    }

    /** make-valid where it was offered: the geometry is invalid and the repair changes the area within the limit. */
    private void applyRepairs(Connection c, int draft) throws SQLException {
        try (PreparedStatement repair = c.prepareStatement("""
                UPDATE draft_feature f SET geom = r.fixed, repaired_m2 = r.change_m2
                  FROM (SELECT position, fixed, abs(ST_Area(fixed::geography) - ST_Area(geom::geography)) AS change_m2,
                               100 * abs(ST_Area(fixed) - ST_Area(geom)) / nullif(ST_Area(fixed), 0) AS change_pct
                          FROM (SELECT position, geom, ST_CollectionExtract(ST_MakeValid(geom), 3) AS fixed
                                  FROM draft_feature
                                 WHERE version_id = ? AND GeometryType(geom) IN ('POLYGON', 'MULTIPOLYGON') AND NOT ST_IsValid(geom)) x) r
                 WHERE f.version_id = ? AND f.position = r.position AND NOT ST_IsEmpty(r.fixed) AND r.change_pct <= ?""")) {
            repair.setInt(1, draft);
            repair.setInt(2, draft);
            repair.setDouble(3, config.repairMaxChangePercent());
            repair.executeUpdate();
        }
    }

    private UploadLimits limits() {
        return new UploadLimits(config.maxUnpacked().asLongValue(), config.maxPackingRatio(), config.maxZipEntries(),
                config.maxVerticesPerFeature(), config.maxVertices());
    }

    /** The draft keeps nothing but the reason; the caller hears it as a problem (a server error quotes the id it was logged with). */
    private ProblemException failed(int draft, String step, String fileName, Throwable e) {
        JobFailure failure = JobFailure.of(draft, step, fileName, e);
        try {
            Jdbc.autocommit(db, c -> {
                store.fail(c, draft, failure.problem());
                return null;
            });
        } catch (RuntimeException again) {
            LOG.errorf(again, "Could not record the failure of draft %d", draft);
        }
        progress.fireAsync(new DraftProgress(draft, "failed", null, 0, 0));
        return failure.reason();
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warnf("Could not delete the uploaded file %s: %s", file, e.getMessage());
        }
    }

    /** Progress of one job: each new step at once, counts within a step at most four times a second. */
    private final class Steps {
        private final int draft;
        private String step = "queued";
        private long stepStarted;
        private long lastSent;
        private int done;
        private int total;

        Steps(int draft) {
            this.draft = draft;
        }

        void enter(String next) {
            stopWhenCancelled();
            if (!step.equals("queued")) LOG.infof("Draft %d: %s took %d ms", draft, step, (System.nanoTime() - stepStarted) / 1_000_000);
            step = next;
            stepStarted = System.nanoTime();
            send(0, 0);
        }

        void count(int done, int total) {
            this.done = done;
            this.total = total;
            stopWhenCancelled();
            long now = System.nanoTime();
            if (done != total && now - lastSent < PROGRESS_EVERY_NANOS) return; // the last count always goes out
            send(done, total);
        }

        private void stopWhenCancelled() {
            if (cancelled.contains(draft)) throw new Deleted();
        }

        private void send(int done, int total) {
            lastSent = System.nanoTime();
            String now = step.equals("reading") ? "reading" : "checking";
            try {
                Jdbc.autocommit(db, c -> {
                    store.state(c, draft, now, Map.of("step", step, "done", done, "total", total));
                    return null;
                });
            } catch (RuntimeException e) {
                LOG.warnf("Progress of draft %d not written: %s", draft, e.getMessage());
            }
            progress.fireAsync(new DraftProgress(draft, now, step, done, total));
        }
    }
}
