package org.wushe.fund.application;

import static org.wushe.fund.application.Ledger.credit;
import static org.wushe.fund.application.Ledger.debit;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.wushe.community.domain.Community;
import org.wushe.community.domain.Resident;
import org.wushe.fund.application.FundViews.DonationForm;
import org.wushe.fund.application.FundViews.RefundForm;
import org.wushe.fund.domain.AccountKind;
import org.wushe.fund.domain.Donation;
import org.wushe.fund.domain.DonorKind;
import org.wushe.fund.domain.FundAccount;
import org.wushe.fund.domain.FundTransaction;
import org.wushe.fund.domain.Project;
import org.wushe.fund.domain.ProjectStage;
import org.wushe.fund.domain.Refund;
import org.wushe.fund.domain.Restriction;
import org.wushe.fund.domain.SpendingPolicy;
import org.wushe.fund.domain.TransactionKind;
import org.wushe.security.domain.Caller;
import org.wushe.security.domain.Right;
import org.wushe.shared.NotFoundException;
import org.wushe.shared.ValidationException;

/**
 * Money in and back: donations booked into cash or the restricted fund they were given for, and
 * refunds to donors from what is still unspent of their gift ({@link SpendingPolicy}).
 */
@Stateless
public class DonationService {

    @PersistenceContext
    EntityManager em;

    @Inject
    FundAccess access;

    @Inject
    FundInputs inputs;

    @Inject
    Ledger ledger;

    @Inject
    Clock clock;

    /**
     * Records a donation ({@link Right#MANAGE_FUND}) and books it: into cash when unrestricted, else
     * into the restricted fund of its project or category. Refuses bad input field by field and a
     * receipt number the community already used.
     */
    public Donation recordDonation(DonationForm f) {
        Caller caller = access.caller(Right.MANAGE_FUND);
        Community c = access.community(caller, f.communityCode());
        ValidationException.Collector errors = new ValidationException.Collector();
        DonorKind kind = FundAccess.choice("donorKind", DonorKind.class, f.donorKind(), null, errors);
        String name = errors.text("donorName", f.donorName(), 100, f.residentId() == null);
        if (f.residentId() != null) {
            Resident r = em.find(Resident.class, f.residentId());
            if (r == null || !r.getCommunity().getId().equals(c.getId())) {
                errors.add("residentId", "fund.donor.residentNotInCommunity");
            } else {
                if (name == null) {
                    name = r.getName();
                }
                if (kind != null && kind != DonorKind.RESIDENT) {
                    errors.add("donorKind", "fund.donor.residentKind");
                }
            }
        }
        long amount = FundAccess.amount("amountFen", f.amountFen(), errors);
        LocalDate on = inputs.date("donatedOn", f.donatedOn(), errors);
        String receipt = errors.text("receiptNo", f.receiptNo(), 40, true);
        if (receipt != null && !em.createQuery("select d.id from Donation d where d.communityId = :c and d.receiptNo = :r",
                Long.class).setParameter("c", c.getId()).setParameter("r", receipt).getResultList().isEmpty()) {
            errors.add("receiptNo", "fund.receipt.duplicate", receipt);
        }
        Restriction restriction = FundAccess.choice("restriction", Restriction.class, f.restriction(), Restriction.NONE,
                errors);
        Long projectId = null;
        String category = null;
        if (restriction == Restriction.PROJECT) {
            Project p = f.restrictedProjectId() == null ? null : em.find(Project.class, f.restrictedProjectId());
            if (p == null || !p.getCommunityId().equals(c.getId())) {
                errors.add("restrictedProjectId", "fund.project.unknown");
            } else if (!ProjectStage.open().contains(p.getStage())) {
                errors.add("restrictedProjectId", "fund.project.closed");
            } else {
                projectId = p.getId();
            }
        } else if (restriction == Restriction.CATEGORY) {
            category = inputs.category("restrictedCategory", f.restrictedCategory(), errors);
        }
        errors.throwIfAny();
        ledger.gate(c.getId());
        Instant now = clock.instant();
        Donation d = new Donation(c.getId(), kind, name, f.residentId(), amount, on, receipt, restriction, projectId,
                category, f.namedPublicly(), caller.username(), now);
        em.persist(d);
        em.flush();
        FundAccount into = restrictionAccount(d);
        FundTransaction tx = ledger.post(c.getId(), TransactionKind.DONATION, d.getId(), null, on, now, caller.username(),
                "receipt " + receipt, List.of(debit(into, amount),
                        credit(ledger.account(c.getId(), AccountKind.DONATIONS, null, null), amount)));
        d.bookedAs(tx.getId());
        em.flush();
        return d;
    }

    /** The account a donation went into: cash, or the restricted fund of its project or category. */
    private FundAccount restrictionAccount(Donation d) {
        return switch (d.getRestriction()) {
            case NONE -> ledger.account(d.getCommunityId(), AccountKind.CASH, null, null);
            case PROJECT -> ledger.account(d.getCommunityId(), AccountKind.RESTRICTED, d.getRestrictedProjectId(), null);
            case CATEGORY -> ledger.account(d.getCommunityId(), AccountKind.RESTRICTED, null, d.getRestrictedCategory());
        };
    }

    /**
     * Returns money to a donor ({@link Right#MANAGE_FUND}) from what is still unspent of the gift:
     * at most what is left of the donation and at most what its fund (cash, or the restricted fund
     * it went to) still holds unallocated.
     */
    public Refund refund(Long donationId, RefundForm f) {
        Caller caller = access.caller(Right.MANAGE_FUND);
        Donation d = donationId == null ? null : em.find(Donation.class, donationId);
        if (d == null) {
            throw new NotFoundException("donation", donationId);
        }
        access.community(caller, d.getCommunityId());
        ValidationException.Collector errors = new ValidationException.Collector();
        long amount = FundAccess.amount("amountFen", f.amountFen(), errors);
        LocalDate on = inputs.date("refundedOn", f.refundedOn(), errors);
        String reason = errors.text("reason", f.reason(), 500, true);
        errors.throwIfAny();
        ledger.gate(d.getCommunityId());
        em.refresh(d);
        FundAccount from = ledger.locked(restrictionAccount(d));
        SpendingPolicy.requireRefundable(d.refundable(), from.getBalanceFen(), amount);
        d.refund(amount);
        Instant now = clock.instant();
        Refund r = new Refund(d.getCommunityId(), d.getId(), amount, on, reason, caller.username(), now);
        em.persist(r);
        em.flush();
        FundTransaction tx = ledger.post(d.getCommunityId(), TransactionKind.REFUND, r.getId(), null, on, now,
                caller.username(), reason, List.of(debit(ledger.account(d.getCommunityId(), AccountKind.DONATIONS, null,
                        null), amount), credit(from, amount)));
        r.bookedAs(tx.getId());
        em.flush();
        return r;
    }
}
