package org.gridcc.boundary;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.gridcc.common.Problem;
import org.gridcc.common.ProblemType;
import org.jboss.logging.Logger;

/**
 * Drafts whose job died with its JVM (a restart mid-read) would stay "reading" for ever. At
 * start-up, on every node, those whose job lock is free (no live job on any node: DraftJobLock)
 * end: a draft being read fails with the reason, one being checked again is ready with the
 * report it had (its check was rolled back). One conditional UPDATE: nodes starting together
 * each end a draft at most once, and never one whose job runs.
 */
@ApplicationScoped
public class AbandonedDrafts {

    private static final Logger LOG = Logger.getLogger(AbandonedDrafts.class);
    static final String REASON = "服务重启，读取中断，请重新上传";

    private final DataSource db;
    private final ObjectMapper json;

    public AbandonedDrafts(DataSource db, ObjectMapper json) {
        this.db = db;
        this.json = json;
    }

    void onStart(@Observes StartupEvent start) {
        try {
            end();
        } catch (RuntimeException e) {
            // The database may be away at start-up: the drafts are ended at the next start.
            LOG.warnf("Drafts left by a stopped job not looked for: %s", e.getMessage());
        }
    }

    /** Ends the drafts no live job holds; answers their ids. */
    List<Integer> end() {
        String failure = failure();
        return Jdbc.autocommit(db, c -> {
            try (PreparedStatement update = c.prepareStatement("""
                    UPDATE boundary_draft d
                       SET state = CASE WHEN v.report IS NULL THEN 'failed' ELSE 'ready' END,
                           failure = CASE WHEN v.report IS NULL THEN ?::jsonb END,
                           progress = '{}'
                      FROM grid_version v
                     WHERE v.id = d.version_id AND d.state IN ('reading', 'checking') AND %s
                    RETURNING d.version_id, d.state""".formatted(DraftJobLock.TAKEN_FROM_DEAD_JOB))) {
                update.setString(1, failure);
                var ended = new ArrayList<Integer>();
                try (ResultSet rs = update.executeQuery()) {
                    while (rs.next()) {
                        ended.add(rs.getInt(1));
                        LOG.warnf("Draft %d: its job stopped with the service; the draft is now %s", rs.getInt(1), rs.getString(2));
                    }
                }
                return ended;
            }
        });
    }

    private String failure() {
        try {
            return json.writeValueAsString(Problem.of(ProblemType.SERVER_ERROR, REASON, null));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
