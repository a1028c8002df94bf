package org.gridcc.access;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;

/**
 * Every answer of a {@link PersonalData} resource, errors included, is kept by no cache. An answer
 * that says more about caching (a case's photo: private, no-store) keeps its own header, as long as
 * it holds no-store.
 */
@Provider
@PersonalData
public class NoStore implements ContainerResponseFilter {

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        String own = response.getHeaderString(HttpHeaders.CACHE_CONTROL);
        if (own == null || !own.contains("no-store")) response.getHeaders().putSingle(HttpHeaders.CACHE_CONTROL, "no-store");
    }
}
