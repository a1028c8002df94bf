package org.gridcc.access;

import io.vertx.core.http.HttpServerRequest;

/** The caller's address as the audit trail keeps it (behind a proxy: what quarkus.http.proxy lets through). */
public final class SessionAddress {

    private SessionAddress() {}

    public static String of(HttpServerRequest request) {
        return request == null || request.remoteAddress() == null ? null : request.remoteAddress().hostAddress();
    }
}
