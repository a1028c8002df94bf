package org.gridcc.live;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.gridcc.grid.GridIndex;
import org.gridcc.grid.GridLevel;

/**
 * What a /live client asked for: {@code since} (resume after that stream position), {@code
 * level} (only grids of those levels, comma-separated: a wall that draws townships and villages
 * need not be sent the changes of every group and base grid) and {@code grid} (only that grid and
 * what lies in it; codes nest, so this is a prefix).
 */
public record Subscription(Long since, Set<GridLevel> levels, String subtree) {

    /** Parses the query of the handshake; a bad value is refused with a sentence that says what to send. */
    static Subscription parse(String query, GridIndex index) {
        Map<String, String> params = new HashMap<>();
        if (query != null && !query.isBlank()) {
            for (String pair : query.split("&")) {
                int eq = pair.indexOf('=');
                String key = eq < 0 ? pair : pair.substring(0, eq);
                params.put(URLDecoder.decode(key, StandardCharsets.UTF_8),
                        eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        Long since = null;
        if (params.containsKey("since")) {
            try {
                since = Long.parseLong(params.get("since"));
            } catch (NumberFormatException e) {
                since = -1L;
            }
            if (since < 0) throw new IllegalArgumentException("since must be a stream position (0 or more), not \"%s\""
                    .formatted(params.get("since")));
        }
        Set<GridLevel> levels = null;
        if (params.containsKey("level")) {
            levels = EnumSet.noneOf(GridLevel.class);
            for (String code : params.get("level").split(",", -1)) {
                levels.add(GridLevel.of(code.trim()).orElseThrow(() -> new IllegalArgumentException(
                        "level must be one or more of %s, comma-separated, not \"%s\"".formatted(
                                Arrays.stream(GridLevel.values()).map(GridLevel::code).collect(Collectors.joining(", ")), params.get("level")))));
            }
        }
        String grid = params.get("grid");
        if (grid != null && index.grid(grid).isEmpty()) {
            throw new IllegalArgumentException("no grid has code \"%s\" in the published version".formatted(grid));
        }
        return new Subscription(since, levels, grid);
    }

    /**
     * The subscription held to a caller's grid scope: an officer or handler sees its subtree (by
     * default all of it); asking for a grid outside it is refused.
     */
    Subscription within(String scope) {
        if (scope == null) return this;
        if (subtree == null) return new Subscription(since, levels, scope);
        if (subtree.startsWith(scope)) return this;
        throw new OutsideScope("grid %s is outside grid %s that you may see".formatted(subtree, scope));
    }

    /** A subscription to grids the caller may not see (403, where a malformed one is 400). */
    static final class OutsideScope extends IllegalArgumentException {
        OutsideScope(String message) {
            super(message);
        }
    }

    boolean acceptsGrid(String code, GridIndex index) {
        if (subtree != null && !code.startsWith(subtree)) return false;
        return levels == null || index.grid(code).map(g -> levels.contains(g.level())).orElse(false);
    }

    boolean acceptsAlert(GroupAlert alert) {
        return subtree == null || alert.village().startsWith(subtree);
    }

    boolean acceptsEvent(StreamEvent.Ticker event) {
        return subtree == null || event.gridCode() != null && event.gridCode().startsWith(subtree);
    }

    /** The same filter without the resume point: clients with equal filters share their delta frames. */
    Subscription filter() {
        return new Subscription(null, levels, subtree);
    }
}
