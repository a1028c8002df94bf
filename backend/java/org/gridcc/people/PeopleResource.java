package org.gridcc.people;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.gridcc.access.Caller;
import org.gridcc.access.PersonalData;
import org.gridcc.access.Role;
import org.gridcc.access.SessionAddress;
import org.gridcc.common.Locations;
import org.gridcc.common.Problem.FieldError;
import org.gridcc.common.QueryValues;

/** The register of the grid's people: read in the caller's scope, written by the administrator (audited like every change). */
@Path("/api/people")
@PersonalData
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "People", description = "The grid's people: heads of every level, grid workers, patrol inspectors, mediators, leaders")
public class PeopleResource {

    private final People people;
    private final DisputeCategories disputes;
    private final SecurityIdentity identity;
    private final HttpServerRequest http;

    public PeopleResource(People people, DisputeCategories disputes, SecurityIdentity identity, HttpServerRequest http) {
        this.people = people;
        this.disputes = disputes;
        this.identity = identity;
        this.http = http;
    }

    @GET
    @RolesAllowed({Role.ADMIN_NAME, Role.OFFICER_NAME, Role.HANDLER_NAME})
    @Operation(summary = "People, filtered and paged, phones masked",
            description = "kind (head, worker, inspector, mediator, leader), grid (a grid and what lies in it), category (mediators "
                    + "who take disputes of that category: the pool a party picks from, 点菜), page (from 0), size (at most 500). "
                    + "An officer or handler sees the people of its grid, of what lies in it and of the grids holding it.")
    public Uni<People.Page> list(@QueryParam("kind") String kind,
                                 @Pattern(regexp = "[0-9]{6}([0-9]{3})*", message = "a grid code is 6 digits, then groups of 3 digits")
                                 @QueryParam("grid") String grid,
                                 @QueryParam("category") String category,
                                 @QueryParam("page") String page, @QueryParam("size") String size) {
        var errors = new ArrayList<FieldError>();
        PersonKind personKind = kind == null ? null : PersonKind.of(kind).orElse(null);
        if (kind != null && personKind == null) {
            errors.add(new FieldError("kind", "unknown kind \"%s\"; the kinds are %s".formatted(kind, PersonKind.codes())));
        }
        if (category != null && !disputes.codes().contains(category)) {
            errors.add(new FieldError("category", "\"%s\" is not a dispute category; mediators take %s".formatted(category, disputes.codes())));
        }
        int pageNumber = QueryValues.wholeNumber("page", page, 0L, 0, Integer.MAX_VALUE, errors).intValue();
        int pageSize = QueryValues.wholeNumber("size", size, 50L, 1, 500, errors).intValue();
        QueryValues.refuseIfAny(errors);
        return people.find(personKind, grid, category, pageNumber, pageSize, Caller.of(identity));
    }

    @GET
    @Path("/titles")
    @RolesAllowed({Role.ADMIN_NAME, Role.OFFICER_NAME, Role.HANDLER_NAME})
    @Operation(summary = "What a county calls the head of each level (五级五长 in Mizhi), by level code")
    public Map<String, String> titles(@NotNull(message = "name the county, e.g. county=610827")
                                      @Pattern(regexp = "[0-9]{6}", message = "a county code is 6 digits") @QueryParam("county") String county) {
        var titles = new java.util.LinkedHashMap<String, String>();
        HeadTitles.of(county).forEach((level, title) -> titles.put(level.code(), title));
        return titles;
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Role.ADMIN_NAME, Role.OFFICER_NAME, Role.HANDLER_NAME})
    @Operation(summary = "One person; unmasked=true shows the phone (audited before it is shown)")
    public Uni<PersonView> one(@PathParam("id") int id, @QueryParam("unmasked") String unmasked) {
        var errors = new ArrayList<FieldError>();
        boolean full = Boolean.TRUE.equals(QueryValues.trueOrFalse("unmasked", unmasked, errors));
        QueryValues.refuseIfAny(errors);
        return people.one(id, Caller.of(identity), full, SessionAddress.of(http));
    }

    @POST
    @RolesAllowed(Role.ADMIN_NAME)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Register a person",
            description = "kind and its fields: a head its level (of its grid's level; household heads in a base grid), a worker "
                    + "dutyDays (weekdays 1-7), a mediator specialties (dispute categories) and mediationKind (人民, 行政, 司法), "
                    + "a leader receptionDays (days of the month 1-31). 201 with the person, phone masked.")
    public Uni<Response> create(@NotNull(message = "send the person as a JSON body") @Valid PersonForm form) {
        return people.create(form).map(view -> Locations.created("/api/people/" + view.id()).entity(view).build());
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed(Role.ADMIN_NAME)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Replace a person's entry (no longer demo data once changed)")
    public Uni<PersonView> update(@PathParam("id") int id, @NotNull(message = "send the person as a JSON body") @Valid PersonForm form) {
        return people.update(id, form);
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed(Role.ADMIN_NAME)
    @Operation(summary = "Remove a person from the register")
    public Uni<Response> delete(@PathParam("id") int id) {
        return people.delete(id).map(done -> Response.noContent().build());
    }
}
