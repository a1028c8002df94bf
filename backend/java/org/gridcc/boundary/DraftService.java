package org.gridcc.boundary;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.sql.DataSource;
import org.gridcc.boundary.read.ReadOptions;
import org.gridcc.common.Problem.FieldError;
import org.gridcc.common.ProblemException;
import org.gridcc.common.ProblemType;
import org.gridcc.common.ServiceClock;
import org.gridcc.grid.GridIndex;
import org.gridcc.grid.GridLevel;
import org.gridcc.grid.IndexedGrid;
import org.gridcc.grid.tiles.GridTileSource;

/**
 * Drafts from upload to report: checks the form, keeps the file, starts the job and waits a
 * little for it, so that a small file answers with its report and a large one with 202.
 */
@ApplicationScoped
public class DraftService {

    /** An upload's answer: the draft, and whether its job had finished (201) or goes on (202). */
    public record Accepted(DraftView draft, boolean finished) {}

    /** The upload form, as sent. */
    public record Upload(Path file, String fileName, long size, String level, String scope, String label,
                         DraftJobs.FieldChoice fields, ReadOptions options, String uploadedBy) {}

    /** How long a delete waits for the job of its draft to stop (on this node at its next step or count; on another, at its end). */
    /** The level an upload leaves to its codes' length. */
    static final String AUTO = "auto";

    private static final Duration JOB_STOP_WAIT = Duration.ofSeconds(20);

    private final DataSource db;
    private final DraftStore store;
    private final DraftJobs jobs;
    private final GridIndex index;
    private final BoundaryConfig config;
    private final GridTileSource tiles;
    private final ObjectMapper json;

    public DraftService(DataSource db, DraftStore store, DraftJobs jobs, GridIndex index, BoundaryConfig config, GridTileSource tiles,
                        ObjectMapper json) {
        this.tiles = tiles;
        this.json = json;
        this.db = db;
        this.store = store;
        this.jobs = jobs;
        this.index = index;
        this.config = config;
    }

    public Accepted upload(Upload upload) {
        if (upload.size() > config.maxUpload().asLongValue()) throw tooLarge(upload.size(), config.maxUpload().asLongValue());
        // "auto": the job takes the level from the codes' length; until then the draft is of the level below the scope.
        boolean levelFromCodes = upload.level() != null && upload.level().strip().equals(AUTO);
        String scope = scope(upload.scope(), levelFromCodes ? null : level(upload.level()));
        GridLevel level = levelFromCodes ? provisional(scope) : level(upload.level());
        if (index.version() == 0) throw new ProblemException(ProblemType.CONFLICT, "No grid version is published: there is nothing to replace grids of.");
        String label = upload.label() == null || upload.label().isBlank()
                ? "%s（%s）".formatted(upload.fileName(), level.chinese()) : upload.label().strip();
        // The draft first: refused (a label the database cannot store), the upload goes with the request.
        int draft = withConnection(c -> store.create(c, label, level, scope, index.version(), upload.fileName(), upload.uploadedBy()));
        Path kept;
        try {
            kept = keep(upload.file());
        } catch (RuntimeException e) {
            withConnection(c -> store.delete(c, draft));
            throw e;
        }
        CompletableFuture<DraftReport> job = jobs.read(new DraftTarget(draft, level, scope, index.version()), levelFromCodes, kept,
                upload.fileName(), upload.options(), upload.fields());
        // Refused while the uploader waits: nothing of it stays behind.
        return await(draft, job, () -> withConnection(c -> store.delete(c, draft)));
    }

    /** Waits for a job as long as configured: finished, or going on (202), or refused (after whenRefused). */
    private Accepted await(int draft, CompletableFuture<DraftReport> job, Runnable whenRefused) {
        try {
            job.get(config.answerWithin().toMillis(), TimeUnit.MILLISECONDS);
            return new Accepted(find(draft), true);
        } catch (TimeoutException e) {
            return new Accepted(find(draft), false);
        } catch (ExecutionException e) {
            whenRefused.run();
            if (e.getCause() instanceof ProblemException problem) throw problem;
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public DraftView find(int draft) {
        return withConnection(c -> store.find(c, draft))
                .orElseThrow(() -> ProblemException.notFound("There is no boundary draft %d.".formatted(draft)));
    }

    /** A checked draft's problems as CSV. */
    public String problemsCsv(int draft) {
        return ProblemExport.csv(problems(find(draft)));
    }

    /** A checked draft's problems as GeoJSON, each with its own area where it has one. */
    public ObjectNode problemsGeoJson(int draft) {
        JsonNode problems = problems(find(draft));
        return ProblemExport.geoJson(json, problems, withConnection(c -> store.problemShapes(c, draft)));
    }

    private static JsonNode problems(DraftView view) {
        if (view.report() == null) {
            throw new ProblemException(ProblemType.CONFLICT, "Draft %d has no report (it is %s): there are no problems to export yet."
                    .formatted(view.id(), view.state()));
        }
        return view.report().path("problems");
    }

    public List<DraftView> list() {
        return withConnection(c -> store.list(c, 50));
    }

    /**
     * Deletes a draft that is not published, in whatever state: a job of it still running is
     * stopped first (409 when it runs on another node and does not end within a while).
     */
    public void delete(int draft) {
        DraftView view = find(draft);
        if (view.state().equals("published")) {
            throw new ProblemException(ProblemType.CONFLICT, "Draft %d is published: roll back to another version instead.".formatted(draft));
        }
        jobs.cancel(draft);
        boolean deleted = Jdbc.transaction(db, c -> {
            if (!DraftJobLock.holdWithin(c, draft, JOB_STOP_WAIT)) return false;
            store.delete(c, draft);
            return true;
        });
        if (!deleted) {
            throw new ProblemException(ProblemType.CONFLICT,
                    "Draft %d's job is still running on another node of the service; delete it again when the job has ended.".formatted(draft));
        }
    }

    /** Checks a ready draft again, against the version published now; with {@code repair}, after applying the offered repairs. */
    public Accepted recheck(int draft, boolean repair) {
        DraftView view = find(draft);
        if (!view.state().equals("ready")) {
            throw new ProblemException(ProblemType.CONFLICT, "Draft %d is %s; only a ready draft can be checked again.".formatted(draft, view.state()));
        }
        // Checking from now on, so that a 202 does not show the old report as if it were the new one.
        withConnection(c -> {
            store.state(c, draft, "checking", Map.of("step", "queued"));
            return null;
        });
        CompletableFuture<DraftReport> job = jobs.recheck(draft, view.level(), view.scope(), repair).thenApply(report -> {
            tiles.forgetTiles(); // the draft's grids may have changed
            return report;
        });
        return await(draft, job, () -> { });
    }

    public List<GridVersionView> versions() {
        return withConnection(c -> {
            var versions = new ArrayList<GridVersionView>();
            try (PreparedStatement query = c.prepareStatement("""
                    SELECT id, label, status, source_file, crs, created_at, published_at, retired_at
                      FROM grid_version ORDER BY id DESC LIMIT 100""");
                 ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    versions.add(new GridVersionView(rs.getInt("id"), rs.getString("label"), rs.getString("status"),
                            rs.getString("source_file"), rs.getString("crs"), time(rs, "created_at"), time(rs, "published_at"),
                            time(rs, "retired_at"), DraftView.tilesOf(rs.getInt("id"))));
                }
            }
            return versions;
        });
    }

    private static java.time.OffsetDateTime time(ResultSet rs, String column) throws SQLException {
        var time = rs.getObject(column, java.time.OffsetDateTime.class);
        return time == null ? null : ServiceClock.local(time);
    }

    static ProblemException tooLarge(long size, long limit) {
        return new ProblemException(ProblemType.PAYLOAD_TOO_LARGE,
                "The upload is %,d bytes; at most %,d are taken (gridcc.boundary.max-upload). Upload the grids of one township at a time (scope)."
                        .formatted(size, limit),
                List.of(new FieldError("file", "too large")));
    }

    private static GridLevel level(String text) {
        Optional<GridLevel> level = text == null ? Optional.empty() : GridLevel.of(text.strip());
        if (level.isEmpty() || level.get() == GridLevel.COUNTY) {
            throw new ProblemException(ProblemType.INVALID_INPUT,
                    "Say which level the file's grids are: township, village, group, base or special, or auto to take it from the codes' length.",
                    List.of(new FieldError("level", text == null ? "missing"
                            : "\"%s\" is not one of township, village, group, base, special, auto".formatted(text))));
        }
        return level.get();
    }

    /** The level a draft left to its codes has until they are read: the first below its scope. */
    private GridLevel provisional(String scope) {
        return scope.isEmpty() ? GridLevel.TOWNSHIP : GridLevel.ofGridCode(scope).orElseThrow().children().get(0);
    }

    /** The grid whose subtree the file replaces; the whole county when not given. level: null when the codes will tell it. */
    private String scope(String text, GridLevel level) {
        if (text == null || text.isBlank()) return "";
        String code = text.strip();
        Optional<IndexedGrid> grid = index.grid(code);
        if (grid.isEmpty()) {
            throw new ProblemException(ProblemType.INVALID_INPUT, "The scope names no grid of the published version.",
                    List.of(new FieldError("scope", "%s is not a grid code of version %d".formatted(code, index.version()))));
        }
        GridLevel finest = level != null ? level : GridLevel.BASE;
        if (!DraftTarget.scopeFits(grid.get().level(), finest)) throw DraftTarget.scopeTooFine(code, grid.get().level(), finest);
        return code;
    }

    /** The upload's temporary file goes with the request; the job may outlive it. */
    private static Path keep(Path upload) {
        try {
            Path kept = Files.createTempFile("gridcc-boundary-", ".upload");
            Files.move(upload, kept, StandardCopyOption.REPLACE_EXISTING);
            return kept;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the uploaded file", e);
        }
    }

    private <T> T withConnection(Jdbc.Work<T> work) {
        return Jdbc.autocommit(db, work);
    }
}
