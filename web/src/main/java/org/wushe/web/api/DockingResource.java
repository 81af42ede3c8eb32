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
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.wushe.docking.application.ActionView;
import org.wushe.docking.application.BoardFilter;
import org.wushe.docking.application.MatchForm;
import org.wushe.docking.application.NeedForm;
import org.wushe.docking.application.NeedRow;
import org.wushe.docking.application.BoardCounts;
import org.wushe.docking.application.NeedBoard;
import org.wushe.docking.application.NeedWorkflow;
import org.wushe.docking.application.Matching;
import org.wushe.docking.application.NeedCategories;
import org.wushe.docking.application.NeedView;
import org.wushe.docking.application.OpportunityService;
import org.wushe.docking.application.OpportunityApplications;
import org.wushe.docking.application.ResourceForm;
import org.wushe.docking.application.ResourceRow;
import org.wushe.docking.application.ResourceService;
import org.wushe.docking.application.Suggestion;
import org.wushe.docking.domain.DockingAction;
import org.wushe.docking.domain.Need;
import org.wushe.docking.domain.NeedCategory;
import org.wushe.docking.domain.OpportunityApplication;
import org.wushe.docking.domain.OpportunityItem;
import org.wushe.docking.domain.Resource;
import org.wushe.docking.domain.RotationSetting;
import org.wushe.shared.Page;
import org.wushe.shared.PageRequest;
import org.wushe.web.support.TextInputs;

/**
 * Resource docking through the API, with the services' rules and scope: the needs board
 * ({@code GET /api/communities/{code}/needs}), one need's whole loop ({@code /api/needs/{id}}) and
 * its steps (assessment, suggestions, matches, feedback, closure, reopening), docking actions
 * ({@code /api/actions/{id}/...}), the resource ledger ({@code /api/communities/{code}/resources},
 * {@code /api/resources/{id}}) and the opportunity list with applications and rotation
 * ({@code /api/communities/{code}/opportunities/{year}}, {@code /api/opportunities/{item}/...}).
 */
@Path("")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "docking")
public class DockingResource {

    @EJB
    NeedBoard needBoard;

    @EJB
    NeedWorkflow needWorkflow;

    @EJB
    Matching matching;

    @EJB
    NeedCategories needCategories;

    @EJB
    ResourceService resources;

    @EJB
    OpportunityService opportunities;

    @EJB
    OpportunityApplications opportunityApplications;

    /** Request bodies: plain fields, read leniently and checked by the services. */
    public static class NeedInput {
        public String gridCode;
        public Long residentId;
        public String categoryCode;
        public String urgency;
        public String source;
        public String title;
        public String description;
    }

    public static class CategoryInput {
        public String nameZh;
        public String nameEn;
        public Integer sortOrder;
        public Boolean active;
    }

    public static class AssessmentInput {
        public String findings;
        public Integer priority;
        public String urgency;
    }

    public static class MatchInput {
        public Long resourceId;
        public Integer quantity;
        public String owner;
        public List<String> participants;
        public String dueOn;
    }

    public static class FinishInput {
        public Boolean done;
        public String outcome;
    }

    public static class TextInput {
        public String text;
    }

    public static class ClosureInput {
        public Integer satisfaction;
        public String comment;
        public String ratedBy;
    }

    public static class ResourceInput {
        public String gridCode;
        public String sphere;
        public String type;
        public String categoryCode;
        public String name;
        public String description;
        public Long providerActorId;
        public Long providerResidentId;
        public String providerName;
        public Integer capacity;
        public String unit;
        public String availableFrom;
        public String availableUntil;
    }

    public static class ResourceChangeInput {
        public Integer capacity;
        public String availableUntil;
        public String status;
    }

    public static class ItemInput {
        public String affair;
        public String nature;
        public List<String> actorTypes;
        public Integer places;
        public String periodFrom;
        public String periodUntil;
        public String description;
    }

    public static class ApplicationInput {
        public Long residentId;
        public Long actorId;
    }

    public static class SelectionInput {
        public String reason;
    }

    public static class RotationInput {
        public Integer window;
        public Integer threshold;
    }

    /** A docking action as created. */
    public record ActionCreated(Long id, Long needId, Long resourceId, int quantity, String owner, LocalDate dueOn,
                                String status, int matchScore) {
        static ActionCreated of(DockingAction a) {
            return new ActionCreated(a.getId(), a.getNeedId(), a.getResourceId(), a.getQuantity(), a.getOwner(),
                    a.getDueOn(), a.getStatus().name(), a.getMatchScore());
        }
    }

    // ---------------------------------------------------------------- needs

    @GET
    @Path("need-categories")
    public List<NeedCategory> categories() {
        return needCategories.categories(false);
    }

    @PUT
    @Path("need-categories/{code}")
    public NeedCategory saveCategory(@PathParam("code") String code, CategoryInput in) {
        CategoryInput b = in == null ? new CategoryInput() : in;
        return needCategories.saveCategory(code, b.nameZh, b.nameEn, b.sortOrder == null ? 0 : b.sortOrder,
                !Boolean.FALSE.equals(b.active));
    }

    @GET
    @Path("communities/{code}/needs")
    public Page<NeedRow> board(@PathParam("code") String code, @QueryParam("status") String status,
                               @QueryParam("category") String category, @QueryParam("urgency") String urgency,
                               @QueryParam("overdue") @DefaultValue("false") boolean overdue,
                               @QueryParam("first") @DefaultValue("0") int first,
                               @QueryParam("size") @DefaultValue("50") int size) {
        return needBoard.board(new BoardFilter(code, status, category, urgency, overdue), PageRequest.of(first, size));
    }

    @GET
    @Path("communities/{code}/needs/counts")
    public BoardCounts counts(@PathParam("code") String code) {
        return needBoard.counts(code);
    }

    @GET
    @Path("communities/{code}/actions/overdue")
    public List<ActionView> overdue(@PathParam("code") String code) {
        return needBoard.overdueActions(code);
    }

    @POST
    @Path("needs")
    @ApiResponse(responseCode = "201", description = "created",
            content = @Content(schema = @Schema(implementation = NeedView.class)))
    public Response register(NeedInput in) {
        NeedInput b = in == null ? new NeedInput() : in;
        Need n = needWorkflow.register(new NeedForm(b.gridCode, b.residentId, b.categoryCode, b.urgency, b.source, b.title,
                b.description));
        return Response.status(201).entity(needBoard.need(n.getId())).build();
    }

    @GET
    @Path("needs/{id}")
    public NeedView need(@PathParam("id") long id) {
        return needBoard.need(id);
    }

    @POST
    @Path("needs/{id}/assessment")
    public NeedView assess(@PathParam("id") long id, AssessmentInput in) {
        AssessmentInput b = in == null ? new AssessmentInput() : in;
        needWorkflow.assess(id, b.findings, b.priority, b.urgency);
        return needBoard.need(id);
    }

    @GET
    @Path("needs/{id}/suggestions")
    public List<Suggestion> suggestions(@PathParam("id") long id, @QueryParam("limit") @DefaultValue("10") int limit) {
        return matching.suggest(id, Math.min(limit, 50));
    }

    @POST
    @Path("needs/{id}/matches")
    @ApiResponse(responseCode = "201", description = "created",
            content = @Content(schema = @Schema(implementation = ActionCreated.class)))
    public Response match(@PathParam("id") long id, MatchInput in) {
        MatchInput b = in == null ? new MatchInput() : in;
        DockingAction a = matching.match(id, new MatchForm(b.resourceId, b.quantity, b.owner,
                b.participants == null ? Set.of() : Set.copyOf(b.participants), TextInputs.date("dueOn", b.dueOn)));
        return Response.status(201).entity(ActionCreated.of(a)).build();
    }

    @POST
    @Path("actions/{id}/start")
    public ActionCreated start(@PathParam("id") long id) {
        return ActionCreated.of(needWorkflow.startAction(id));
    }

    @POST
    @Path("actions/{id}/finish")
    public ActionCreated finish(@PathParam("id") long id, FinishInput in) {
        FinishInput b = in == null ? new FinishInput() : in;
        return ActionCreated.of(needWorkflow.finishAction(id, !Boolean.FALSE.equals(b.done), b.outcome));
    }

    @POST
    @Path("needs/{id}/feedback")
    public NeedView feedback(@PathParam("id") long id, TextInput in) {
        needWorkflow.feedback(id, in == null ? null : in.text);
        return needBoard.need(id);
    }

    @POST
    @Path("needs/{id}/closure")
    public NeedView close(@PathParam("id") long id, ClosureInput in) {
        ClosureInput b = in == null ? new ClosureInput() : in;
        needWorkflow.close(id, b.satisfaction, b.comment, b.ratedBy);
        return needBoard.need(id);
    }

    @POST
    @Path("needs/{id}/reopen")
    public NeedView reopen(@PathParam("id") long id, TextInput in) {
        needWorkflow.reopen(id, in == null ? null : in.text);
        return needBoard.need(id);
    }

    // ---------------------------------------------------------------- resources

    @GET
    @Path("communities/{code}/resources")
    public Page<ResourceRow> ledger(@PathParam("code") String code, @QueryParam("sphere") String sphere,
                                    @QueryParam("category") String category,
                                    @QueryParam("available") @DefaultValue("false") boolean available,
                                    @QueryParam("first") @DefaultValue("0") int first,
                                    @QueryParam("size") @DefaultValue("50") int size) {
        return resources.ledger(code, sphere, category, available, PageRequest.of(first, size));
    }

    @GET
    @Path("communities/{code}/resources/available")
    public List<ResourceService.Availability> available(@PathParam("code") String code) {
        return resources.availableNow(code);
    }

    @POST
    @Path("communities/{code}/resources")
    @ApiResponse(responseCode = "201", description = "created",
            content = @Content(schema = @Schema(implementation = ResourceRow.class)))
    public Response addResource(@PathParam("code") String code, ResourceInput in) {
        ResourceInput b = in == null ? new ResourceInput() : in;
        Resource r = resources.add(new ResourceForm(code, b.gridCode, b.sphere, b.type, b.categoryCode, b.name,
                b.description, b.providerActorId, b.providerResidentId, b.providerName, b.capacity, b.unit,
                optionalDate("availableFrom", b.availableFrom), optionalDate("availableUntil", b.availableUntil)));
        return Response.status(201).entity(ResourceService.row(r, LocalDate.now())).build();
    }

    @PUT
    @Path("resources/{id}")
    public ResourceRow changeResource(@PathParam("id") long id, ResourceChangeInput in) {
        ResourceChangeInput b = in == null ? new ResourceChangeInput() : in;
        Resource r = resources.update(id, b.capacity, optionalDate("availableUntil", b.availableUntil), b.status);
        return ResourceService.row(r, LocalDate.now());
    }

    // ---------------------------------------------------------------- opportunity list

    @GET
    @Path("communities/{code}/opportunities/{year}")
    public OpportunityService.ListView opportunityList(@PathParam("code") String code, @PathParam("year") int year) {
        return opportunities.list(code, year);
    }

    @POST
    @Path("communities/{code}/opportunities/{year}/items")
    @ApiResponse(responseCode = "201", description = "created",
            content = @Content(schema = @Schema(implementation = OpportunityItem.class)))
    public Response addItem(@PathParam("code") String code, @PathParam("year") int year, ItemInput in) {
        ItemInput b = in == null ? new ItemInput() : in;
        OpportunityItem i = opportunities.addItem(code, year, new OpportunityService.ItemForm(b.affair, b.nature,
                b.actorTypes == null ? Set.of() : Set.copyOf(b.actorTypes), b.places,
                TextInputs.date("periodFrom", b.periodFrom), TextInputs.date("periodUntil", b.periodUntil),
                b.description));
        return Response.status(201).entity(i).build();
    }

    @POST
    @Path("communities/{code}/opportunities/{year}/publish")
    public OpportunityService.ListView publish(@PathParam("code") String code, @PathParam("year") int year) {
        opportunities.publish(code, year);
        return opportunities.list(code, year);
    }

    @GET
    @Path("communities/{code}/opportunities/{year}/out-of-turn")
    public List<OpportunityApplications.OutOfTurn> outOfTurn(@PathParam("code") String code, @PathParam("year") int year) {
        return opportunityApplications.overrides(code, year);
    }

    @PUT
    @Path("communities/{code}/rotation")
    public RotationSetting rotation(@PathParam("code") String code, RotationInput in) {
        RotationInput b = in == null ? new RotationInput() : in;
        return opportunityApplications.setRotation(code, b.window, b.threshold);
    }

    @GET
    @Path("opportunities/{item}/applicants")
    public List<OpportunityApplications.Applicant> applicants(@PathParam("item") long item) {
        return opportunityApplications.applicants(item);
    }

    @POST
    @Path("opportunities/{item}/applications")
    @ApiResponse(responseCode = "201", description = "created",
            content = @Content(schema = @Schema(implementation = OpportunityApplication.class)))
    public Response apply(@PathParam("item") long item, ApplicationInput in) {
        ApplicationInput b = in == null ? new ApplicationInput() : in;
        OpportunityApplication a = opportunityApplications.apply(item, b.residentId, b.actorId);
        return Response.status(201).entity(a).build();
    }

    @POST
    @Path("applications/{id}/selection")
    public OpportunityApplication select(@PathParam("id") long id, SelectionInput in) {
        return opportunityApplications.select(id, in == null ? null : in.reason);
    }

    /** A date that may be left out; when given it must be a date. */
    private static LocalDate optionalDate(String field, String text) {
        return text == null || text.isBlank() ? null : TextInputs.date(field, text);
    }
}
