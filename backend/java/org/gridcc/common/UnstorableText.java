package org.gridcc.common;

import io.vertx.pgclient.PgException;
import java.sql.SQLException;
import java.util.Set;

/**
 * The last line against text PostgreSQL cannot store: a NUL character (or a byte sequence that is
 * not UTF-8) that came in somewhere no earlier check names (a multipart form field, a header). The
 * database refuses it with one of these SQLSTATEs; that is the client's input, so a 400, not a 500.
 * The checks that name the field come first: {@link StrictJson} for JSON bodies, {@link NulParameters}
 * for query and path parameters.
 */
final class UnstorableText {

    /** character_not_in_repertoire (invalid byte sequence, 0x00) and untranslatable_character (an escaped NUL in jsonb). */
    private static final Set<String> STATES = Set.of("22021", "22P05");

    private UnstorableText() {}

    static boolean isCauseOf(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String state = t instanceof PgException pg ? pg.getSqlState() : t instanceof SQLException sql ? sql.getSQLState() : null;
            if (state != null && STATES.contains(state)) return true;
        }
        return false;
    }
}
