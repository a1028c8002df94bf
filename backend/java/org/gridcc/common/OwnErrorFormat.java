package org.gridcc.common;

import jakarta.ws.rs.core.Response;
import java.util.Set;

/**
 * An API under a path of its own whose clients read errors in a format of their own rather than
 * problem+json (Open311's error list): a request there that matches no endpoint, or no method of
 * one, is answered in that format. Its endpoints answer their own errors themselves.
 */
public interface OwnErrorFormat {

    /** The path its endpoints lie under, e.g. {@code /open311/v2}. */
    String root();

    /** 404: nothing is served at this path. */
    Response notFound(String method, String path);

    /** 405: the path is served, with other methods only (the Allow header is added to the answer). */
    Response methodNotAllowed(String method, String path, Set<String> allowed);

    default boolean covers(String path) {
        return path.equals(root()) || path.startsWith(root() + "/");
    }
}
