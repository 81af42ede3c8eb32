package org.wushe.web.fund;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.time.LocalDate;
import java.util.List;
import org.wushe.fund.application.DonationService;
import org.wushe.fund.application.FundQueries;
import org.wushe.fund.application.FundSettings;
import org.wushe.fund.application.FundViews;
import org.wushe.fund.application.FundViews.DonationRow;
import org.wushe.fund.application.ProjectQueries;
import org.wushe.fund.application.ProjectViews.ProjectRow;
import org.wushe.fund.domain.FundCategory;
import org.wushe.security.domain.Right;
import org.wushe.shared.Page;
import org.wushe.shared.PageRequest;
import org.wushe.web.support.PageModel;
import org.wushe.shared.ValidationException;
import org.wushe.web.support.Actions;
import org.wushe.web.support.FacesErrors;
import org.wushe.web.support.FormInputs;

/** A community's donations, newest first, the form to record one and the form to refund part of one. */
@Named
@ViewScoped
public class DonationsBacking extends FundPage {

    private static final long serialVersionUID = 1L;
    private static final int PAGE = 50;

    @EJB
    DonationService donationService;

    @EJB
    FundQueries fundQueries;

    @EJB
    FundSettings fundSettings;

    @EJB
    ProjectQueries projectQueries;

    private Page<DonationRow> donations;
    private int first;
    private List<ProjectRow> openProjects = List.of();

    private String donorKind = "ENTERPRISE";
    private String donorName;
    private String residentId;
    private String amount;
    private String donatedOn = LocalDate.now().toString();
    private String receiptNo;
    private String restriction = "NONE";
    private Long restrictedProjectId;
    private String restrictedCategory;
    private boolean namedPublicly;

    private String reportFrom = LocalDate.now().withDayOfYear(1).toString();
    private String reportTo = LocalDate.now().toString();

    private Long refundDonationId;
    private String refundAmount;
    private String refundReason;

    @Override
    protected void refresh() {
        donations = fundQueries.donations(community, PageRequest.of(first, PAGE));
        openProjects = projectQueries.projects(community, null).stream()
                .filter(p -> !p.stage().equals("COMPLETED") && !p.stage().equals("EVALUATED")).toList();
    }

    public boolean isManaging() {
        return has(Right.MANAGE_FUND);
    }

    public void record() {
        Actions.run("donation", () -> {
            ValidationException.Collector errors = new ValidationException.Collector();
            Long fen = fen("amountFen", amount, errors);
            Long resident = FormInputs.optionalLong("residentId", residentId, errors);
            LocalDate on = FormInputs.optionalDate("donatedOn", donatedOn, errors);
            errors.throwIfAny();
            donationService.recordDonation(new FundViews.DonationForm(community, donorKind, donorName, resident, fen, on, receiptNo,
                    restriction, restrictedProjectId, restrictedCategory, namedPublicly));
            FacesErrors.info("fund.done.donation");
            donorName = null;
            residentId = null;
            amount = null;
            receiptNo = null;
            first = 0;
            refresh();
        });
    }

    public void refund() {
        Actions.run("refund", () -> {
            ValidationException.Collector errors = new ValidationException.Collector();
            Long fen = fen("amountFen", refundAmount, errors);
            if (refundDonationId == null) {
                errors.add("donationId", "error.required");
            }
            errors.throwIfAny();
            donationService.refund(refundDonationId, new FundViews.RefundForm(fen, null, refundReason));
            FacesErrors.info("fund.done.refund");
            refundAmount = null;
            refundReason = null;
            refresh();
        });
    }

    public void next() {
        first += PAGE;
        refresh();
    }

    public void previous() {
        first = Math.max(0, first - PAGE);
        refresh();
    }

    public List<FundCategory> getCategories() {
        return fundSettings.categories(false);
    }

    /** The donor report of a donation's donor for the chosen period (a link; the PDF is made on opening). */
    public String reportLink(DonationRow d) {
        return "/fund/donor-report?donation=" + d.id() + "&from=" + enc(reportFrom) + "&to=" + enc(reportTo);
    }

    private static String enc(String s) {
        return java.net.URLEncoder.encode(s == null ? "" : s.trim(), java.nio.charset.StandardCharsets.UTF_8);
    }

    public String getReportFrom() { return reportFrom; }
    public void setReportFrom(String v) { reportFrom = v; }
    public String getReportTo() { return reportTo; }
    public void setReportTo(String v) { reportTo = v; }
    /**
     * The whole list for the Excel export (the table shows {@value #PAGE} rows a page): the same
     * service call as the table's, read by the export a service page at a time.
     */
    public PageModel<DonationRow> getExportModel() {
        String code = community;
        FundQueries queries = fundQueries;
        return new PageModel<>(request -> queries.donations(code, request), DonationRow::id, "list");
    }

    public Page<DonationRow> getDonations() { return donations; }
    public int getFirst() { return first; }
    public List<ProjectRow> getOpenProjects() { return openProjects; }
    public String getDonorKind() { return donorKind; }
    public void setDonorKind(String v) { donorKind = v; }
    public String getDonorName() { return donorName; }
    public void setDonorName(String v) { donorName = v; }
    public String getResidentId() { return residentId; }
    public void setResidentId(String v) { residentId = v; }
    public String getAmount() { return amount; }
    public void setAmount(String v) { amount = v; }
    public String getDonatedOn() { return donatedOn; }
    public void setDonatedOn(String v) { donatedOn = v; }
    public String getReceiptNo() { return receiptNo; }
    public void setReceiptNo(String v) { receiptNo = v; }
    public String getRestriction() { return restriction; }
    public void setRestriction(String v) { restriction = v; }
    public Long getRestrictedProjectId() { return restrictedProjectId; }
    public void setRestrictedProjectId(Long v) { restrictedProjectId = v; }
    public String getRestrictedCategory() { return restrictedCategory; }
    public void setRestrictedCategory(String v) { restrictedCategory = v; }
    public boolean isNamedPublicly() { return namedPublicly; }
    public void setNamedPublicly(boolean v) { namedPublicly = v; }
    public Long getRefundDonationId() { return refundDonationId; }
    public void setRefundDonationId(Long v) { refundDonationId = v; }
    public String getRefundAmount() { return refundAmount; }
    public void setRefundAmount(String v) { refundAmount = v; }
    public String getRefundReason() { return refundReason; }
    public void setRefundReason(String v) { refundReason = v; }
}
