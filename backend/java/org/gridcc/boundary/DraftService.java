package org.gridcc.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
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
                         DraftJobs.FieldChoice fields, ReadOptions options) {}

    private final DataSource db;
    private final DraftStore store;
    private final DraftJobs jobs;
    private final GridIndex index;
    private final BoundaryConfig config;
    private final GridTileSource tiles;

    public DraftService(DataSource db, DraftStore store, DraftJobs jobs, GridIndex index, BoundaryConfig config, GridTileSource tiles) {
        this.tiles = tiles;
        this.db = db;
        this.store = store;
        this.jobs = jobs;
        this.index = index;
        this.config = config;
    }

    public Accepted upload(Upload upload) {
        if (upload.size() > config.maxUpload().asLongValue()) throw tooLarge(upload.size(), config.maxUpload().asLongValue());
        GridLevel level = level(upload.level());
        String scope = scope(upload.scope(), level);
        if (index.version() == 0) throw new ProblemException(ProblemType.CONFLICT, "No grid version is published: there is nothing to replace grids of.");
        String label = upload.label() == null || upload.label().isBlank()
                ? "%s（%s）".formatted(upload.fileName(), level.chinese()) : upload.label().strip();
        // The draft first: refused (a label the database cannot store), the upload goes with the request.
        int draft = withConnection(c -> store.create(c, label, level, scope, index.version(), upload.fileName()));
        Path kept;
        try {
            kept = keep(upload.file());
        } catch (RuntimeException e) {
            withConnection(c -> store.delete(c, draft));
            throw e;
        }
        CompletableFuture<DraftReport> job = jobs.read(new DraftTarget(draft, level, scope, index.version()), kept, upload.fileName(),
                upload.options(), upload.fields());
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

    public List<DraftView> list() {
        return withConnection(c -> store.list(c, 50));
    }

    public void delete(int draft) {
        DraftView view = find(draft);
        if (view.state().equals("published")) {
            throw new ProblemException(ProblemType.CONFLICT, "Draft %d is published: roll back to another version instead.".formatted(draft));
        }
        if (view.state().equals("reading") || view.state().equals("checking")) {
            throw new ProblemException(ProblemType.CONFLICT, "Draft %d is %s: delete it when its job has finished.".formatted(draft, view.state()));
        }
        withConnection(c -> store.delete(c, draft));
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
                    "Say which level the file's grids are: township, village, group, base or special.",
                    List.of(new FieldError("level", text == null ? "missing" : "\"%s\" is not one of township, village, group, base, special".formatted(text))));
        }
        return level.get();
    }

    /** The grid whose subtree the file replaces; the whole county when not given. */
    private String scope(String text, GridLevel level) {
        if (text == null || text.isBlank()) return "";
        String code = text.strip();
        Optional<IndexedGrid> grid = index.grid(code);
        if (grid.isEmpty()) {
            throw new ProblemException(ProblemType.INVALID_INPUT, "The scope names no grid of the published version.",
                    List.of(new FieldError("scope", "%s is not a grid code of version %d".formatted(code, index.version()))));
        }
        if (grid.get().level() == GridLevel.SPECIAL || grid.get().level().ordinal() > level.parent().orElseThrow().ordinal()) {
            throw new ProblemException(ProblemType.INVALID_INPUT, "The scope must be a grid above the level the file replaces.",
                    List.of(new FieldError("scope", "%s is a %s grid; %s grids are replaced within a coarser grid"
                            .formatted(code, grid.get().level().code(), level.code()))));
        }
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
