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
import java.util.Base64;
import java.util.List;
import org.wushe.fund.application.AllocationService;
import org.wushe.fund.application.CategoryShares;
import org.wushe.fund.application.DonationService;
import org.wushe.fund.application.DonorReport;
import org.wushe.fund.application.ExpenditureService;
import org.wushe.fund.application.FundQueries;
import org.wushe.fund.application.FundReporting;
import org.wushe.fund.application.FundSettings;
import org.wushe.fund.application.FundViews;
import org.wushe.fund.application.FundViews.AllocationRow;
import org.wushe.fund.application.FundViews.Balance;
import org.wushe.fund.application.FundViews.CategoryRow;
import org.wushe.fund.application.FundViews.DonationRow;
import org.wushe.fund.application.FundViews.ExpenditureRow;
import org.wushe.fund.application.FundViews.LimitRow;
import org.wushe.fund.application.FundViews.Shares;
import org.wushe.fund.application.FundViews.TransactionRow;
import org.wushe.fund.domain.Allocation;
import org.wushe.fund.domain.Donation;
import org.wushe.fund.domain.Expenditure;
import org.wushe.fund.domain.FundCategory;
import org.wushe.fund.domain.FundFile;
import org.wushe.fund.domain.FundLimit;
import org.wushe.fund.domain.FundTransaction;
import org.wushe.fund.domain.Refund;
import org.wushe.shared.Page;
import org.wushe.shared.PageRequest;
import org.wushe.shared.ValidationException;
import org.wushe.web.support.TextInputs;

/**
 * The micro-fund through the API, with the services' rules and scope: a community's balance and
 * invariant ({@code GET /api/fund/{code}/balance}), donations ({@code /api/fund/{code}/donations},
 * refunds under {@code /api/fund/donations/{id}/refunds}), allocations, expenditures with their
 * receipt as base64 and their approval or rejection ({@code /api/fund/expenditures/{id}/approve|reject}),
 * reversals, the ledger, category shares, the bureau's categories, limits and four-eyes threshold,
 * and the reporting records for the donor report and the public page. Amounts are fen.
 */
@Path("fund")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "incubation")
public class FundResource {

    @EJB
    DonationService donationService;

    @EJB
    AllocationService allocationService;

    @EJB
    ExpenditureService expenditureService;

    @EJB
    FundQueries fundQueries;

    @EJB
    CategoryShares categoryShares;

    @EJB
    FundSettings fundSettings;

    @EJB
    FundReporting reporting;

    @EJB
    DonorReport donorReport;

    /** Request bodies: plain fields, read leniently and checked by the services. */
    public static class DonationInput {
        public String donorKind;
        public String donorName;
        public Long residentId;
        public Long amountFen;
        public String donatedOn;
        public String receiptNo;
        public String restriction;
        public Long restrictedProjectId;
        public String restrictedCategory;
        public Boolean namedPublicly;
    }

    public static class AllocationInput {
        public Long projectId;
        public String categoryCode;
        public Long amountFen;
        public String source;
        public String allocatedOn;
        public String justification;
    }

    public static class ExpenditureInput {
        public Long projectId;
        public String categoryCode;
        public Long amountFen;
        public String payee;
        public String purpose;
        public String spentOn;
        public String receiptName;
        public String receiptBase64;
        public String justification;
    }

    public static class RefundInput {
        public Long amountFen;
        public String refundedOn;
        public String reason;
    }

    public static class ReasonInput {
        public String reason;
    }

    public static class CategoryInput {
        public String nameZh;
        public String nameEn;
        public String kind;
        public Integer sortOrder;
        public Boolean active;
    }

    public static class LimitInput {
        public Integer shareBp;
        public String strictness;
    }

    public static class ThresholdInput {
        public String communityCode;
        public Long amountFen;
    }

    /** What a booked or pending movement answers with. */
    public record Booked(Long id, String status, Long transactionId) {
    }

    static LocalDate optionalDate(String field, String text) {
        return text == null || text.isBlank() ? null : TextInputs.date(field, text);
    }

    /** Decodes a base64 upload; a body that is not base64 is refused on its field. */
    static FundViews.Upload upload(String field, String name, String base64) {
        if (base64 == null || base64.isBlank()) {
            return null;
        }
        try {
            return new FundViews.Upload(name, Base64.getMimeDecoder().decode(base64));
        } catch (IllegalArgumentException e) {
            throw ValidationException.of(field, "fund.file.type", name == null ? "" : name);
        }
    }

    @GET
    @Path("{code}/balance")
    public Balance balance(@PathParam("code") String code) {
        return fundQueries.balance(code);
    }

    @GET
    @Path("{code}/donations")
    public Page<DonationRow> donations(@PathParam("code") String code, @QueryParam("first") @DefaultValue("0") int first,
                                       @QueryParam("size") @DefaultValue("50") int size) {
        return fundQueries.donations(code, PageRequest.of(first, size));
    }

    @POST
    @Path("{code}/donations")
    @ApiResponse(responseCode = "201", description = "booked",
            content = @Content(schema = @Schema(implementation = Booked.class)))
    public Response donate(@PathParam("code") String code, DonationInput in) {
        DonationInput i = in == null ? new DonationInput() : in;
        Donation d = donationService.recordDonation(new FundViews.DonationForm(code, i.donorKind, i.donorName, i.residentId,
                i.amountFen, optionalDate("donatedOn", i.donatedOn), i.receiptNo, i.restriction, i.restrictedProjectId,
                i.restrictedCategory, Boolean.TRUE.equals(i.namedPublicly)));
        return Response.status(201).entity(new Booked(d.getId(), d.getStatus().name(), d.getTransactionId())).build();
    }

    @POST
    @Path("donations/{id}/refunds")
    @ApiResponse(responseCode = "201", description = "booked",
            content = @Content(schema = @Schema(implementation = Booked.class)))
    public Response refund(@PathParam("id") long id, RefundInput in) {
        RefundInput i = in == null ? new RefundInput() : in;
        Refund r = donationService.refund(id, new FundViews.RefundForm(i.amountFen, optionalDate("refundedOn", i.refundedOn), i.reason));
        return Response.status(201).entity(new Booked(r.getId(), "BOOKED", r.getTransactionId())).build();
    }

    @GET
    @Path("{code}/allocations")
    public List<AllocationRow> allocations(@PathParam("code") String code, @QueryParam("project") Long projectId) {
        return fundQueries.allocations(code, projectId);
    }

    @POST
    @Path("allocations")
    @ApiResponse(responseCode = "201", description = "booked",
            content = @Content(schema = @Schema(implementation = Booked.class)))
    public Response allocate(AllocationInput in) {
        AllocationInput i = in == null ? new AllocationInput() : in;
        Allocation a = allocationService.allocate(new FundViews.AllocationForm(i.projectId, i.categoryCode, i.amountFen, i.source,
                optionalDate("allocatedOn", i.allocatedOn), i.justification));
        return Response.status(201).entity(new Booked(a.getId(), a.getStatus().name(), a.getTransactionId())).build();
    }

    @GET
    @Path("{code}/expenditures")
    public List<ExpenditureRow> expenditures(@PathParam("code") String code, @QueryParam("project") Long projectId,
                                             @QueryParam("status") String status) {
        return fundQueries.expenditures(code, projectId, status);
    }

    @POST
    @Path("expenditures")
    @ApiResponse(responseCode = "201", description = "booked",
            content = @Content(schema = @Schema(implementation = Booked.class)))
    public Response spend(ExpenditureInput in) {
        ExpenditureInput i = in == null ? new ExpenditureInput() : in;
        Expenditure e = expenditureService.requestExpenditure(new FundViews.ExpenditureForm(i.projectId, i.categoryCode, i.amountFen,
                i.payee, i.purpose, optionalDate("spentOn", i.spentOn), upload("receipt", i.receiptName, i.receiptBase64),
                i.justification));
        return Response.status(201).entity(new Booked(e.getId(), e.getStatus().name(), e.getTransactionId())).build();
    }

    @POST
    @Path("expenditures/{id}/approve")
    public Booked approve(@PathParam("id") long id) {
        Expenditure e = expenditureService.approve(id);
        return new Booked(e.getId(), e.getStatus().name(), e.getTransactionId());
    }

    @POST
    @Path("expenditures/{id}/reject")
    public Booked reject(@PathParam("id") long id, ReasonInput in) {
        Expenditure e = expenditureService.reject(id, in == null ? null : in.reason);
        return new Booked(e.getId(), e.getStatus().name(), e.getTransactionId());
    }

    /** The receipt's bytes, with its sniffed type. */
    @GET
    @Path("receipts/{id}")
    @Produces({"image/jpeg", "image/png", "application/pdf", MediaType.APPLICATION_JSON})
    public Response receipt(@PathParam("id") long id) {
        FundFile f = fundQueries.receipt(id);
        return Response.ok(f.getContent(), f.getContentType()).build();
    }

    @POST
    @Path("transactions/{id}/reversal")
    @ApiResponse(responseCode = "201", description = "booked",
            content = @Content(schema = @Schema(implementation = Booked.class)))
    public Response reverse(@PathParam("id") long id, ReasonInput in) {
        FundTransaction t = expenditureService.reverse(id, in == null ? null : in.reason);
        return Response.status(201).entity(new Booked(t.getId(), t.getKind().name(), t.getId())).build();
    }

    @GET
    @Path("{code}/ledger")
    public Page<TransactionRow> ledger(@PathParam("code") String code, @QueryParam("first") @DefaultValue("0") int first,
                                       @QueryParam("size") @DefaultValue("50") int size) {
        return fundQueries.ledger(code, PageRequest.of(first, size));
    }

    @GET
    @Path("{code}/shares")
    public Shares shares(@PathParam("code") String code, @QueryParam("year") Integer year) {
        return categoryShares.shares(code, year == null ? LocalDate.now().getYear() : year);
    }

    /** The shares over the caller's whole scope (the city for the bureau). */
    @GET
    @Path("shares")
    public Shares scopeShares(@QueryParam("year") Integer year) {
        return categoryShares.scopeShares(year == null ? LocalDate.now().getYear() : year);
    }

    @GET
    @Path("{code}/public")
    public FundReporting.PublicFund publicFund(@PathParam("code") String code) {
        return reporting.publicFund(code);
    }

    @GET
    @Path("{code}/donors/{key}/statement")
    public FundReporting.DonorStatement statement(@PathParam("code") String code, @PathParam("key") String key,
                                                  @QueryParam("from") String from, @QueryParam("to") String to) {
        return reporting.donorStatement(code, key, optionalDate("from", from), optionalDate("to", to));
    }

    /** The donor's illustrated report as PDF (MANAGE_FUND in scope; audited as an export); the period defaults to this year. */
    @GET
    @Path("{code}/donors/{key}/report")
    @Produces({"application/pdf", MediaType.APPLICATION_JSON})
    public Response donorReport(@PathParam("code") String code, @PathParam("key") String key,
                                @QueryParam("from") String from, @QueryParam("to") String to) {
        LocalDate start = optionalDate("from", from);
        LocalDate end = optionalDate("to", to);
        byte[] pdf = donorReport.pdf(code, key, start, end);
        return Response.ok(pdf, "application/pdf")
                .header("Content-Disposition", "attachment; filename=\"donor-report.pdf\"")
                .header("X-Content-Type-Options", "nosniff").build();
    }

    @GET
    @Path("categories")
    public List<CategoryRow> categories() {
        return fundSettings.categories(true).stream().map(FundResource::row).toList();
    }

    static CategoryRow row(FundCategory c) {
        return new CategoryRow(c.getCode(), c.getNameZh(), c.getNameEn(), c.getKind().name(), c.getSortOrder(), c.isActive());
    }

    @PUT
    @Path("categories/{code}")
    public CategoryRow saveCategory(@PathParam("code") String code, CategoryInput in) {
        CategoryInput i = in == null ? new CategoryInput() : in;
        return row(fundSettings.saveCategory(code, i.nameZh, i.nameEn, i.kind, i.sortOrder == null ? 100 : i.sortOrder,
                i.active == null || i.active));
    }

    @GET
    @Path("limits/{year}")
    public List<LimitRow> limits(@PathParam("year") int year) {
        return fundSettings.limitsOf(year).stream().map(FundResource::row).toList();
    }

    static LimitRow row(FundLimit l) {
        return new LimitRow(l.getId(), l.getYear(), l.getCategoryCode(), l.getBound().name(), l.getShareBp(),
                l.getStrictness().name());
    }

    /** Sets a limit; a null share removes it (204). */
    @PUT
    @Path("limits/{year}/{category}/{bound}")
    @ApiResponse(responseCode = "204", description = "saved")
    public Response setLimit(@PathParam("year") int year, @PathParam("category") String category,
                             @PathParam("bound") String bound, LimitInput in) {
        LimitInput i = in == null ? new LimitInput() : in;
        return fundSettings.setLimit(year, category, bound, i.shareBp, i.strictness)
                .map(l -> Response.ok(row(l)).build()).orElse(Response.noContent().build());
    }

    @PUT
    @Path("threshold")
    @ApiResponse(responseCode = "204", description = "saved")
    public Response setThreshold(ThresholdInput in) {
        ThresholdInput i = in == null ? new ThresholdInput() : in;
        fundSettings.setApprovalThreshold(i.communityCode, i.amountFen);
        return Response.noContent().build();
    }

    public record Threshold(String communityCode, long amountFen) {
    }

    @GET
    @Path("{code}/threshold")
    public Threshold threshold(@PathParam("code") String code) {
        return new Threshold(code, fundSettings.approvalThreshold(code));
    }
}
