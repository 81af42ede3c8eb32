package org.wushe.web.api;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.Set;
import org.wushe.security.application.AccountAdministration;
import org.wushe.security.application.AccountDetail;
import org.wushe.security.application.AccountForm;
import org.wushe.security.application.AccountQuery;
import org.wushe.security.application.AccountResult;
import org.wushe.security.application.AccountView;
import org.wushe.security.application.AdminChangeView;
import org.wushe.security.application.AdminChanges;
import org.wushe.security.application.RoleScopeForm;
import org.wushe.security.application.ScopeChoices;
import org.wushe.security.application.ScopePlace;
import org.wushe.security.domain.Role;
import org.wushe.shared.Choices;
import org.wushe.shared.Page;
import org.wushe.shared.PageRequest;
import org.wushe.shared.ValidationException;

/**
 * The security administrator's account administration (the same services and rules as the
 * screen):
 * <ul>
 *   <li>{@code GET /api/accounts?q=&role=&community=&first=&size=}, {@code GET /api/accounts/{username}};</li>
 *   <li>{@code POST /api/accounts} creates (201 with the account, or 202 with the request when an
 *       administrator account waits for a second security administrator);</li>
 *   <li>{@code PUT /api/accounts/{username}/role}, {@code …/display-name}, {@code …/supervising},
 *       {@code …/supervisor} (JSON bodies); {@code POST …/disable}, {@code …/enable}, {@code …/unlock}
 *       (no body: {@code X-Requested-With}); 202 with the request for an administrator under four-eyes;</li>
 *   <li>{@code GET /api/account-changes} (pending), {@code POST /api/account-changes/{id}/confirm},
 *       {@code POST /api/account-changes/{id}/decline} ({@code {"reason": …}});</li>
 *   <li>pick lists: {@code GET /api/account-scopes/sub-districts}, {@code …/communities},
 *       {@code …/communities/{code}/grid-cells} (codes and names only).</li>
 * </ul>
 */
@Path("")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "administration")
public class AccountResource {

    @EJB
    AccountAdministration accounts;

    @EJB
    AdminChanges changes;

    @EJB
    ScopeChoices choices;

    /** Body of a creation and of a role change: plain fields, read leniently and checked by the services. */
    public static class AccountInput {
        public String username;
        public String displayName;
        public String role;
        public String password;
        public Set<String> subDistrictCodes;
        public String communityCode;
        public Set<String> gridCodes;
        public String supervisorUsername;
        public boolean supervising;
        public Set<String> supervisionCodes;
    }

    /** Body of the smaller changes. */
    public static class ChangeInput {
        public String displayName;
        public boolean supervising;
        public Set<String> supervisionCodes;
        public String supervisorUsername;
        public String reason;
    }

    @GET
    @Path("accounts")
    public Page<AccountView> list(@QueryParam("q") String q, @QueryParam("role") String role,
                                  @QueryParam("community") String community,
                                  @QueryParam("first") @DefaultValue("0") int first,
                                  @QueryParam("size") @DefaultValue("50") int size) {
        ValidationException.Collector errors = new ValidationException.Collector();
        Role r = Choices.optional("role", Role.class, role, null, errors);
        errors.throwIfAny();
        return accounts.search(new AccountQuery(q, r, community), PageRequest.of(first, size));
    }

    @GET
    @Path("accounts/{username}")
    public AccountDetail account(@PathParam("username") String username) {
        return accounts.detail(username);
    }

    @POST
    @Path("accounts")
    @ApiResponse(responseCode = "201", description = "the account, created",
            content = @Content(schema = @Schema(implementation = AccountView.class)))
    @ApiResponse(responseCode = "202", description = "a second administrator must confirm: the waiting request",
            content = @Content(schema = @Schema(implementation = AdminChangeView.class)))
    public Response create(AccountInput in) {
        AccountInput b = in == null ? new AccountInput() : in;
        AccountResult r = accounts.create(new AccountForm(b.username, b.displayName, role(b.role),
                b.password == null ? null : b.password.toCharArray(), b.subDistrictCodes, b.communityCode, b.gridCodes,
                b.supervisorUsername, b.supervising, b.supervisionCodes));
        if (r.waitsForConfirmation()) {
            return accepted(r.request());
        }
        return Response.created(URI.create("accounts/" + r.account().username())).entity(r.account()).build();
    }

    @PUT
    @Path("accounts/{username}/role")
    @ApiResponse(responseCode = "200", description = "the account, changed",
            content = @Content(schema = @Schema(implementation = AccountView.class)))
    @ApiResponse(responseCode = "202", description = "a second administrator must confirm: the waiting request",
            content = @Content(schema = @Schema(implementation = AdminChangeView.class)))
    public Response changeRole(@PathParam("username") String username, AccountInput in) {
        AccountInput b = in == null ? new AccountInput() : in;
        return answer(accounts.changeRoleAndScope(username, new RoleScopeForm(role(b.role), b.subDistrictCodes,
                b.communityCode, b.gridCodes)));
    }

    @PUT
    @Path("accounts/{username}/display-name")
    public AccountView rename(@PathParam("username") String username, ChangeInput in) {
        return accounts.rename(username, in == null ? null : in.displayName);
    }

    @PUT
    @Path("accounts/{username}/supervising")
    public AccountView supervising(@PathParam("username") String username, ChangeInput in) {
        ChangeInput b = in == null ? new ChangeInput() : in;
        return accounts.setSupervising(username, b.supervising, b.supervisionCodes);
    }

    @PUT
    @Path("accounts/{username}/supervisor")
    public AccountView supervisor(@PathParam("username") String username, ChangeInput in) {
        return accounts.assignSupervisor(username, in == null ? null : in.supervisorUsername);
    }

    @POST
    @Path("accounts/{username}/disable")
    @ApiResponse(responseCode = "200", description = "the account, changed",
            content = @Content(schema = @Schema(implementation = AccountView.class)))
    @ApiResponse(responseCode = "202", description = "a second administrator must confirm: the waiting request",
            content = @Content(schema = @Schema(implementation = AdminChangeView.class)))
    public Response disable(@PathParam("username") String username) {
        return answer(accounts.disable(username));
    }

    @POST
    @Path("accounts/{username}/enable")
    @ApiResponse(responseCode = "200", description = "the account, changed",
            content = @Content(schema = @Schema(implementation = AccountView.class)))
    @ApiResponse(responseCode = "202", description = "a second administrator must confirm: the waiting request",
            content = @Content(schema = @Schema(implementation = AdminChangeView.class)))
    public Response enable(@PathParam("username") String username) {
        return answer(accounts.enable(username));
    }

    @POST
    @Path("accounts/{username}/unlock")
    @ApiResponse(responseCode = "200", description = "the account, changed",
            content = @Content(schema = @Schema(implementation = AccountView.class)))
    @ApiResponse(responseCode = "202", description = "a second administrator must confirm: the waiting request",
            content = @Content(schema = @Schema(implementation = AdminChangeView.class)))
    public Response unlock(@PathParam("username") String username) {
        return answer(accounts.unlock(username));
    }

    @GET
    @Path("account-changes")
    public List<AdminChangeView> pending() {
        return changes.pending();
    }

    @POST
    @Path("account-changes/{id}/confirm")
    public AccountView confirm(@PathParam("id") long id) {
        return changes.confirm(id).account();
    }

    @POST
    @Path("account-changes/{id}/decline")
    public AdminChangeView decline(@PathParam("id") long id, ChangeInput in) {
        return changes.decline(id, in == null ? null : in.reason);
    }

    @GET
    @Path("account-scopes/sub-districts")
    public List<ScopePlace> subDistricts() {
        return choices.subDistricts();
    }

    @GET
    @Path("account-scopes/communities")
    public List<ScopePlace> communities() {
        return choices.communities();
    }

    @GET
    @Path("account-scopes/communities/{code}/grid-cells")
    public List<ScopePlace> gridCells(@PathParam("code") String code) {
        return choices.gridCells(code);
    }

    private static Role role(String text) {
        ValidationException.Collector errors = new ValidationException.Collector();
        Role r = Choices.required("role", Role.class, text, errors);
        errors.throwIfAny();
        return r;
    }

    /** 200 with the account when the change took effect, 202 with the request when it waits. */
    private static Response answer(AccountResult r) {
        return r.waitsForConfirmation() ? accepted(r.request()) : Response.ok(r.account()).build();
    }

    private static Response accepted(AdminChangeView request) {
        return Response.status(Response.Status.ACCEPTED).entity(request).build();
    }
}
