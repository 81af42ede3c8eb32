package org.wushe.fund.application;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.wushe.community.domain.Community;
import org.wushe.community.infrastructure.GeographyRepository;
import org.wushe.fund.application.ProjectViews.ProgressRow;
import org.wushe.fund.domain.Allocation;
import org.wushe.fund.domain.Donation;
import org.wushe.fund.domain.Expenditure;
import org.wushe.fund.domain.ExpenditureStatus;
import org.wushe.fund.domain.MoneySource;
import org.wushe.fund.domain.Project;
import org.wushe.fund.domain.ProjectNeed;
import org.wushe.fund.domain.RecordStatus;
import org.wushe.fund.domain.Restriction;
import org.wushe.security.domain.Caller;
import org.wushe.security.domain.Right;
import org.wushe.shared.NotFoundException;
import org.wushe.shared.ValidationException;

/**
 * Read-only figures for the donor reports and the public page, as plain records with no personal
 * data of beneficiaries. How a donor's money is followed to projects (docs/fund.md): a gift
 * restricted to a project goes to that project; a gift restricted to a category, and an
 * unrestricted gift, are spread over the projects in proportion to what each received from the
 * same pool (that category's restricted fund, or unrestricted cash) up to the period's end,
 * rounded down to the fen.
 */
@Stateless
public class FundReporting {

    @PersistenceContext
    EntityManager em;

    @Inject
    FundAccess access;

    @Inject
    GeographyRepository geography;

    public record DonationLine(Long id, LocalDate donatedOn, String receiptNo, long amountFen, long refundedFen,
                               String restriction, Long restrictedProjectId, String restrictedCategory) {
    }

    /** A project as a report shows it: money, spending by category, progress with photo ids, satisfaction, needs. */
    public record ProjectReport(Long projectId, String title, String stage, long allocatedFen, long spentFen,
                                Map<String, Long> spentByCategory, List<ProgressRow> progress,
                                Integer satisfactionTenths, Integer respondents, int needsLinked, int needsClosed) {
    }

    /** The share of a donor's money followed to one project, and by which rule. */
    public record Funded(long attributedFen, String rule, ProjectReport project) {
    }

    public record DonorStatement(String communityCode, String communityName, String donorKey, String donorName,
                                 LocalDate from, LocalDate to, List<DonationLine> donations, long givenFen,
                                 long refundedFen, List<Funded> projects) {
    }

    public record NamedDonor(String name, String donorKind, long amountFen) {
    }

    public record CategoryMoney(String categoryCode, long allocatedFen, long spentFen) {
    }

    /** The public page's figures: totals, per project and per category; donors only where they agreed. */
    public record PublicFund(String communityCode, String communityName, long donationsFen, long refundsFen,
                             long allocatedFen, long spentFen, long balanceFen, List<ProjectReport> projects,
                             List<CategoryMoney> categories, List<NamedDonor> namedDonors, long anonymousFen) {
    }

    /**
     * One donor's statement for a period ({@link Right#VIEW_FUND}). The donor key is the donor's name
     * as recorded, or {@code R<residentId>} for a resident donor.
     */
    public DonorStatement donorStatement(String communityCode, String donorKey, LocalDate from, LocalDate to) {
        Caller caller = access.caller(Right.VIEW_FUND);
        return statementOf(access.community(caller, communityCode), donorKey, from, to);
    }

    /** The statement of a community's donor, without a caller check: internal to {@link DonorReport} and the monthly report job. */
    public DonorStatement statementOf(Community c, String donorKey, LocalDate from, LocalDate to) {
        ValidationException.Collector errors = new ValidationException.Collector();
        String key = errors.text("donorKey", donorKey, 100, true);
        if (from == null) {
            errors.add("from", "error.required");
        }
        if (to == null) {
            errors.add("to", "error.required");
        } else if (from != null && to.isBefore(from)) {
            errors.add("to", "fund.period.order");
        }
        errors.throwIfAny();
        Long residentId = key.matches("R\\d+") ? Long.valueOf(key.substring(1)) : null;
        List<Donation> gifts = em.createQuery("select d from Donation d where d.communityId = :c and "
                        + (residentId == null ? "d.donorName = :k" : "d.residentId = :k")
                        + " and d.donatedOn >= :from and d.donatedOn <= :to order by d.donatedOn, d.id", Donation.class)
                .setParameter("c", c.getId()).setParameter("k", residentId == null ? key : residentId)
                .setParameter("from", from).setParameter("to", to).getResultList();
        if (gifts.isEmpty()) {
            throw new NotFoundException("donor", key);
        }
        List<Allocation> allocations = em.createQuery("select a from Allocation a where a.communityId = :c and "
                        + "a.status = :s and a.allocatedOn <= :to", Allocation.class).setParameter("c", c.getId())
                .setParameter("s", RecordStatus.BOOKED).setParameter("to", to).getResultList();
        Map<Long, Long> attributed = new TreeMap<>();
        Map<Long, String> rule = new HashMap<>();
        for (Donation d : gifts) {
            long net = d.getAmountFen() - d.getRefundedFen();
            if (d.getRestriction() == Restriction.PROJECT) {
                attributed.merge(d.getRestrictedProjectId(), net, Long::sum);
                rule.put(d.getRestrictedProjectId(), "RESTRICTED");
                continue;
            }
            Map<Long, Long> pool = new HashMap<>();
            for (Allocation a : allocations) {
                boolean same = d.getRestriction() == Restriction.NONE ? a.getSource() == MoneySource.CASH
                        : a.getSource() == MoneySource.CATEGORY_FUND && a.getCategoryCode().equals(d.getRestrictedCategory());
                if (same) {
                    pool.merge(a.getProjectId(), a.getAmountFen(), Long::sum);
                }
            }
            long total = pool.values().stream().mapToLong(Long::longValue).sum();
            if (total == 0) {
                continue;
            }
            pool.forEach((p, fen) -> {
                attributed.merge(p, Math.multiplyExact(net, fen) / total, Long::sum);
                rule.putIfAbsent(p, "PROPORTIONAL");
            });
        }
        List<Funded> projects = new ArrayList<>();
        attributed.forEach((p, fen) -> projects.add(new Funded(fen, rule.get(p), report(em.find(Project.class, p)))));
        return new DonorStatement(c.getCode(), c.getName(), key, gifts.get(0).getDonorName(), from, to,
                gifts.stream().map(d -> new DonationLine(d.getId(), d.getDonatedOn(), d.getReceiptNo(), d.getAmountFen(),
                        d.getRefundedFen(), d.getRestriction().name(), d.getRestrictedProjectId(),
                        d.getRestrictedCategory())).toList(),
                gifts.stream().mapToLong(Donation::getAmountFen).sum(),
                gifts.stream().mapToLong(Donation::getRefundedFen).sum(), projects);
    }

    /**
     * A community's fund as the public page shows it (no sign-in needed): money in and out, per
     * project (those approved or later) and per category, progress and photo ids, satisfaction, and
     * donors by name only where they agreed to be named publicly. No personal data.
     */
    public PublicFund publicFund(String communityCode) {
        Community c = geography.community(communityCode == null ? "" : communityCode.trim().toUpperCase())
                .orElseThrow(() -> new NotFoundException("community", communityCode));
        List<Donation> gifts = em.createQuery("select d from Donation d where d.communityId = :c order by d.donatedOn, d.id",
                Donation.class).setParameter("c", c.getId()).getResultList();
        long donations = gifts.stream().mapToLong(Donation::getAmountFen).sum();
        long refunds = gifts.stream().mapToLong(Donation::getRefundedFen).sum();
        Map<String, Long> namedTotals = new java.util.LinkedHashMap<>();
        Map<String, String> kinds = new HashMap<>();
        long anonymous = 0;
        for (Donation d : gifts) {
            long net = d.getAmountFen() - d.getRefundedFen();
            if (d.isNamedPublicly()) {
                namedTotals.merge(d.getDonorName(), net, Long::sum);
                kinds.put(d.getDonorName(), d.getDonorKind().name());
            } else {
                anonymous += net;
            }
        }
        List<NamedDonor> named = namedTotals.entrySet().stream()
                .map(e -> new NamedDonor(e.getKey(), kinds.get(e.getKey()), e.getValue())).toList();
        List<Project> projects = em.createQuery("select p from Project p where p.communityId = :c and p.stage in :s "
                        + "order by p.createdAt, p.id", Project.class).setParameter("c", c.getId())
                .setParameter("s", java.util.EnumSet.of(org.wushe.fund.domain.ProjectStage.APPROVED,
                        org.wushe.fund.domain.ProjectStage.RUNNING, org.wushe.fund.domain.ProjectStage.COMPLETED,
                        org.wushe.fund.domain.ProjectStage.EVALUATED)).getResultList();
        List<ProjectReport> reports = projects.stream().map(this::report).toList();
        Map<String, long[]> byCategory = new TreeMap<>();
        for (Allocation a : em.createQuery("select a from Allocation a where a.communityId = :c and a.status = :s",
                Allocation.class).setParameter("c", c.getId()).setParameter("s", RecordStatus.BOOKED).getResultList()) {
            byCategory.computeIfAbsent(a.getCategoryCode(), k -> new long[2])[0] += a.getAmountFen();
        }
        for (Expenditure e : booked(c.getId(), null)) {
            byCategory.computeIfAbsent(e.getCategoryCode(), k -> new long[2])[1] += e.getAmountFen();
        }
        long allocated = byCategory.values().stream().mapToLong(v -> v[0]).sum();
        long spent = byCategory.values().stream().mapToLong(v -> v[1]).sum();
        return new PublicFund(c.getCode(), c.getName(), donations, refunds, allocated, spent, donations - refunds - spent,
                reports, byCategory.entrySet().stream().map(e -> new CategoryMoney(e.getKey(), e.getValue()[0],
                e.getValue()[1])).toList(), named, anonymous);
    }

    /**
     * A progress photo for the public page (no sign-in): only a photo of a progress update of a
     * project of that community in a public stage (approved or later). Receipts, invoices, photos
     * of other communities or of projects not yet approved are not found, whatever their id.
     */
    public org.wushe.fund.domain.FundFile publicPhoto(String communityCode, Long fileId) {
        Community c = geography.community(communityCode == null ? "" : communityCode.trim().toUpperCase())
                .orElseThrow(() -> new NotFoundException("community", communityCode));
        org.wushe.fund.domain.FundFile f = fileId == null ? null : em.find(org.wushe.fund.domain.FundFile.class, fileId);
        if (f == null || f.getPurpose() != org.wushe.fund.domain.FilePurpose.PHOTO || !c.getId().equals(f.getCommunityId())
                || f.getOwnerId() == null) {
            throw new NotFoundException("fundFile", fileId);
        }
        org.wushe.fund.domain.Progress update = em.find(org.wushe.fund.domain.Progress.class, f.getOwnerId());
        Project p = update == null ? null : em.find(Project.class, update.getProjectId());
        if (p == null || !c.getId().equals(p.getCommunityId()) || !PUBLIC_STAGES.contains(p.getStage())) {
            throw new NotFoundException("fundFile", fileId);
        }
        return f;
    }

    private static final java.util.Set<org.wushe.fund.domain.ProjectStage> PUBLIC_STAGES = java.util.EnumSet.of(
            org.wushe.fund.domain.ProjectStage.APPROVED, org.wushe.fund.domain.ProjectStage.RUNNING,
            org.wushe.fund.domain.ProjectStage.COMPLETED, org.wushe.fund.domain.ProjectStage.EVALUATED);

    private List<Expenditure> booked(Long communityId, Long projectId) {
        return em.createQuery("select e from Expenditure e where e.communityId = :c and e.status = :s"
                        + (projectId == null ? "" : " and e.projectId = " + projectId), Expenditure.class)
                .setParameter("c", communityId).setParameter("s", ExpenditureStatus.BOOKED).getResultList();
    }

    ProjectReport report(Project p) {
        long allocated = em.createQuery("select a from Allocation a where a.projectId = :p and a.status = :s",
                        Allocation.class).setParameter("p", p.getId()).setParameter("s", RecordStatus.BOOKED)
                .getResultStream().mapToLong(Allocation::getAmountFen).sum();
        Map<String, Long> byCategory = new TreeMap<>();
        for (Expenditure e : booked(p.getCommunityId(), p.getId())) {
            byCategory.merge(e.getCategoryCode(), e.getAmountFen(), Long::sum);
        }
        List<ProjectNeed> links = em.createQuery("select l from ProjectNeed l where l.projectId = :p", ProjectNeed.class)
                .setParameter("p", p.getId()).getResultList();
        List<ProgressRow> progress = em.createQuery("select p from Progress p where p.projectId = :p "
                        + "order by p.reportedOn, p.id", org.wushe.fund.domain.Progress.class)
                .setParameter("p", p.getId()).getResultStream()
                .map(pr -> new ProgressRow(pr.getId(), pr.getBody(), pr.getReportedOn(), null,
                        em.createQuery("select f.id from FundFile f where f.purpose = "
                                        + "org.wushe.fund.domain.FilePurpose.PHOTO and f.ownerId = :o order by f.id", Long.class)
                                .setParameter("o", pr.getId()).getResultList())).toList();
        return new ProjectReport(p.getId(), p.getTitle(), p.getStage().name(), allocated,
                byCategory.values().stream().mapToLong(Long::longValue).sum(), byCategory, progress,
                p.getSatisfactionTenths(), p.getRespondents(), links.size(),
                (int) links.stream().filter(ProjectNeed::isClosed).count());
    }
}
