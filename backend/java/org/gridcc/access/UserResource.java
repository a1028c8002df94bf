package org.gridcc.access;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.gridcc.common.Locations;

/** Users, their roles and scopes, and their tokens: for administrators only; every change is audited. */
@Path("/api/users")
@PersonalData
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.ADMIN_NAME)
@Tag(name = "Access")
public class UserResource {

    public record NewUser(
            @NotBlank(message = "give a user name") @Pattern(regexp = "[A-Za-z0-9._@-]{2,64}",
                    message = "a user name has 2 to 64 letters, digits or . _ @ -") String username,
            @NotBlank(message = "give the name shown in the pages and the history (e.g. 张伟)")
            @Size(max = 50, message = "keep the display name under 50 characters") String displayName,
            @NotNull(message = "give the role: admin, gis, officer, handler, wall, open311 or worker")
            @Pattern(regexp = "admin|gis|officer|handler|wall|open311|worker",
                    message = "the role is admin, gis, officer, handler, wall, open311 or worker") String role,
            @Pattern(regexp = "[0-9]{6}([0-9]{3})*", message = "a grid code is 6 digits, then groups of 3 digits") String grid,
            @Size(max = 100, message = "a unit code has at most 100 characters") String unit,
            String password) {}

    public record UserChange(
            @Size(min = 1, max = 50, message = "keep the display name between 1 and 50 characters") String displayName,
            Boolean enabled,
            @Pattern(regexp = "[0-9]{6}([0-9]{3})*", message = "a grid code is 6 digits, then groups of 3 digits") String grid,
            @Size(max = 100, message = "a unit code has at most 100 characters") String unit,
            String password,
            /** true: the user is unlocked and its count of failed sign-ins starts again. */
            Boolean unlock) {}

    public record NewToken(
            @NotBlank(message = "name what the token is for, e.g. 指挥中心大屏 or 12345 热线对接")
            @Size(max = 100, message = "keep the label under 100 characters") String label,
            @Min(value = 1, message = "a token lasts at least 1 day") @Max(value = 3660, message = "a token lasts at most 3660 days")
            Integer days) {}

    private final Users users;

    public UserResource(Users users) {
        this.users = users;
    }

    @GET
    @Operation(summary = "The users, with role, scope and lock")
    public Uni<List<Users.UserView>> list() {
        return users.list();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Make a user",
            description = "officer and worker need grid (the subtree they serve), handler needs unit (a unit code); admin, gis, "
                    + "officer, handler and worker need a password (at least 10 characters, letters and digits); wall and open311 have none and "
                    + "work with tokens.")
    public Uni<Response> create(@NotNull(message = "send the user as a JSON body") @Valid NewUser user) {
        return users.create(user).map(view -> Locations.created("/api/users/" + view.username()).entity(view).build());
    }

    @PATCH
    @Path("/{username}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change a user: name, enabled, scope, password, unlock",
            description = "A new password ends the user's sessions; disabling ends its sessions and revokes its tokens for good "
                    + "(enabling it again brings none back).")
    public Uni<Users.UserView> change(@PathParam("username") String username,
                                      @NotNull(message = "send the changes as a JSON body") @Valid UserChange change) {
        return users.change(username, change);
    }

    @GET
    @Path("/{username}/tokens")
    @Operation(summary = "A user's tokens and sessions (never the secrets)")
    public Uni<List<Users.TokenView>> tokens(@PathParam("username") String username) {
        return users.tokens(username);
    }

    @POST
    @Path("/{username}/tokens")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Make a token: a wall's display token, an Open311 client's api_key, a machine's bearer token",
            description = "The secret is in this answer only; the service keeps its hash.")
    public Uni<Response> newToken(@PathParam("username") String username,
                                  @NotNull(message = "send label (and days) as a JSON body") @Valid NewToken token) {
        return users.newToken(username, token).map(made -> Response.status(201).entity(made).build());
    }

    @DELETE
    @Path("/{username}/tokens/{id}")
    @Operation(summary = "Revoke a token or end a session")
    public Uni<Response> revoke(@PathParam("username") String username, @PathParam("id") String id) {
        return users.revoke(username, id).map(done -> Response.noContent().build());
    }
}
