package org.gridcc.access;

import io.quarkus.test.junit.callback.QuarkusTestBeforeEachCallback;
import io.quarkus.test.junit.callback.QuarkusTestMethodContext;
import io.restassured.RestAssured;
import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;

/**
 * The tests of features other than access call the API as the admin: REST Assured requests that
 * bring no credentials of their own get the admin's session. Tests of access use
 * {@link TestUsers#anonymous()} or a user's session, which this leaves alone.
 */
public class AdminByDefault implements QuarkusTestBeforeEachCallback, Filter {

    private static volatile boolean installed;

    @Override
    public void beforeEach(QuarkusTestMethodContext context) {
        synchronized (AdminByDefault.class) {
            if (!installed) {
                RestAssured.filters(new AdminByDefault());
                installed = true;
            }
        }
    }

    @Override
    public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification response, FilterContext context) {
        boolean own = request.getHeaders().hasHeaderWithName("Authorization")
                || request.getCookies().hasCookieWithName(TokenMechanism.SESSION_COOKIE)
                || request.getURI().contains("/api/session");
        if (!own) {
            var admin = TestUsers.admin();
            request.cookie(TokenMechanism.SESSION_COOKIE, admin.cookie()).header(CsrfCheck.HEADER, admin.csrf());
        }
        return context.next(request, response);
    }
}
