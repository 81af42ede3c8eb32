package org.wushe.fund.application;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.wushe.audit.application.AuditLog;
import org.wushe.audit.domain.AuditAction;
import org.wushe.community.domain.Community;
import org.wushe.fund.application.FundReporting.DonationLine;
import org.wushe.fund.application.FundReporting.DonorStatement;
import org.wushe.fund.application.FundReporting.Funded;
import org.wushe.fund.application.FundReporting.ProjectReport;
import org.wushe.fund.application.ProjectViews.ProgressRow;
import org.wushe.fund.domain.Donation;
import org.wushe.fund.domain.FundCategory;
import org.wushe.fund.domain.FundFile;
import org.wushe.fund.domain.Money;
import org.wushe.reports.application.ReportOutput;
import org.wushe.reports.application.ReportWriting;
import org.wushe.reports.domain.ReportKind;
import org.wushe.reports.pdf.Charts;
import org.wushe.reports.pdf.PdfReport;
import org.wushe.reports.pdf.ReportFont;
import org.wushe.security.domain.Caller;
import org.wushe.security.domain.Right;
import org.wushe.shared.Installation;
import org.wushe.shared.ValidationException;

/**
 * The illustrated PDF report of one donor for a period (docs/fund.md, "Donor reports"), drawn only
 * from {@link FundReporting#donorStatement}: what was given (donations with receipt numbers,
 * refunds), to which projects (the attributed amount and the rule), what was spent there by
 * category (a table and a bar chart), what was achieved (progress texts with their photos,
 * satisfaction, needs closed / linked). On demand for {@link Right#MANAGE_FUND} (the people who deal
 * with donors; the report names the donor and their receipts) within their scope, every download
 * written to the audit log as an export; monthly by the job {@code reports-monthly} as
 * {@code DONOR_PDF} files.
 */
@Stateless
public class DonorReport {

    static final String RECORD_TYPE = "donor_report";

    /** The most photos one progress update shows in the report. */
    private static final int PHOTOS_PER_UPDATE = 3;

    @PersistenceContext
    EntityManager em;

    @EJB
    FundReporting reporting;

    @EJB
    ReportWriting writing;

    @EJB
    AuditLog audit;

    @Inject
    FundAccess access;

    @Inject
    Clock clock;

    /**
     * The donor's report as PDF bytes, for a caller with {@link Right#MANAGE_FUND} in the
     * community's scope; the period defaults to this year from 1 January to today. Audited as an
     * export.
     *
     * @throws ValidationException on {@code from}/{@code to} when the period is reversed
     * @throws org.wushe.shared.NotFoundException when the donor gave nothing in the period
     */
    public byte[] pdf(String communityCode, String donorKey, LocalDate from, LocalDate to) {
        Caller caller = access.caller(Right.MANAGE_FUND);
        Community c = access.community(caller, communityCode);
        LocalDate today = LocalDate.now(clock);
        LocalDate start = from != null ? from : LocalDate.of((to != null ? to : today).getYear(), 1, 1);
        LocalDate end = to != null ? to : today;
        DonorStatement s = reporting.statementOf(c, donorKey, start, end);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ReportFont.Parsed font = ReportFont.at(Installation.reportsFont()).parse()) {
            render(s, font, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        audit.record(caller, AuditAction.EXPORT, c.getId(), RECORD_TYPE, null, null, null,
                "donor " + s.donorKey() + " " + s.from() + ".." + s.to());
        return out.toByteArray();
    }

    /**
     * The report of the donor of one donation (the donations page's action): the same as
     * {@link #pdf(String, String, LocalDate, LocalDate)} for that donor's key.
     */
    public byte[] pdfOfDonation(Long donationId, LocalDate from, LocalDate to) {
        Caller caller = access.caller(Right.MANAGE_FUND);
        Donation d = donationId == null ? null : em.find(Donation.class, donationId);
        if (d == null) {
            throw new org.wushe.shared.NotFoundException("donation", donationId);
        }
        Community c = access.community(caller, d.getCommunityId());
        return pdf(c.getCode(), key(d), from, to);
    }

    /** A file name for the donor's report (ASCII only: a donor key may be a Chinese name). */
    public static String fileName(String communityCode, String donorKey, String period) {
        String key = donorKey.matches("R\\d+") ? donorKey : "D" + hash(donorKey);
        return "donor-" + communityCode.replaceAll("[^A-Za-z0-9_-]", "_") + "-" + key + "-" + period + ".pdf";
    }

    private static String hash(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(s.getBytes(StandardCharsets.UTF_8))).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The donors of a community who get a monthly report (docs/fund.md): those who gave in the
     * month, and those whose gifts of the year so far are followed to a project that booked an
     * expenditure in the month. Internal to the job: no caller check.
     */
    public List<String> monthlyDonors(long communityId, YearMonth month) {
        LocalDate yearStart = LocalDate.of(month.getYear(), 1, 1);
        LocalDate first = month.atDay(1);
        LocalDate last = month.atEndOfMonth();
        Set<String> keys = new LinkedHashSet<>();
        List<Donation> gifts = em.createQuery("select d from Donation d where d.communityId = :c and d.donatedOn >= :from"
                        + " and d.donatedOn <= :to order by d.donatedOn, d.id", Donation.class)
                .setParameter("c", communityId).setParameter("from", yearStart).setParameter("to", last).getResultList();
        for (Donation d : gifts) {
            if (!d.getDonatedOn().isBefore(first)) {
                keys.add(key(d));
            }
        }
        List<Long> spending = em.createQuery("select distinct e.projectId from Expenditure e where e.communityId = :c"
                        + " and e.status = org.wushe.fund.domain.ExpenditureStatus.BOOKED and e.spentOn >= :from"
                        + " and e.spentOn <= :to", Long.class)
                .setParameter("c", communityId).setParameter("from", first).setParameter("to", last).getResultList();
        if (!spending.isEmpty()) {
            Community c = em.find(Community.class, communityId);
            for (String k : gifts.stream().map(DonorReport::key).distinct().toList()) {
                if (keys.contains(k)) {
                    continue;
                }
                DonorStatement s = reporting.statementOf(c, k, yearStart, last);
                if (s.projects().stream().anyMatch(f -> f.attributedFen() > 0 && spending.contains(f.project().projectId()))) {
                    keys.add(k);
                }
            }
        }
        return new ArrayList<>(keys);
    }

    private static String key(Donation d) {
        return d.getResidentId() != null ? "R" + d.getResidentId() : d.getDonorName();
    }

    /**
     * Writes the month's {@code DONOR_PDF} of every donor of {@link #monthlyDonors} (the year so far
     * up to the month's end), replacing those of an earlier run, in the report font the caller read
     * once for its documents. Internal to the job.
     *
     * @return how many files were written
     */
    public int writeMonth(long communityId, YearMonth month, ReportOutput output, ReportFont.Parsed font) {
        List<String> donors = monthlyDonors(communityId, month);
        if (donors.isEmpty()) {
            return 0;
        }
        Community c = em.find(Community.class, communityId);
        String period = month.toString();
        for (String k : donors) {
            DonorStatement s = reporting.statementOf(c, k, LocalDate.of(month.getYear(), 1, 1), month.atEndOfMonth());
            writing.write(output, ReportKind.DONOR_PDF, communityId, period, fileName(c.getCode(), k, period),
                    out -> render(s, font, out));
        }
        return donors.size();
    }

    /** Writes the statement as the illustrated PDF. */
    void render(DonorStatement s, ReportFont.Parsed font, OutputStream out) throws IOException {
        Map<String, String> names = em.createQuery("select c from FundCategory c", FundCategory.class).getResultStream()
                .collect(Collectors.toMap(FundCategory::getCode, FundCategory::getNameZh, (a, b) -> a, TreeMap::new));
        String donor = s.donorName() == null ? s.donorKey() : s.donorName();
        String title = s.communityName() + " 社区微基金 捐赠人报告";
        String period = s.from() + " 至 " + s.to();
        try (PdfReport pdf = PdfReport.create(font)) {
            pdf.metadata(title + " " + donor, "捐赠人报告 " + period, s.communityName() + " 社区 五社联动平台",
                    "捐赠人报告, " + s.communityCode() + ", " + period);
            pdf.title(title).subtitle("捐赠人：" + donor + "　社区：" + s.communityName() + "（" + s.communityCode() + "）　期间："
                    + period);
            pdf.paragraph("感谢您对社区微基金的支持。本报告说明您在本期间的捐赠、这些善款用于哪些项目、项目按类别的支出，以及项目取得的成效。"
                    + "金额单位：元。");

            pdf.heading("一、捐赠情况");
            List<List<String>> gifts = new ArrayList<>();
            for (DonationLine d : s.donations()) {
                gifts.add(List.of(d.donatedOn().toString(), d.receiptNo() == null ? "—" : d.receiptNo(),
                        restriction(d, names), yuan(d.amountFen()), yuan(d.refundedFen())));
            }
            pdf.table(new PdfReport.Table(List.of("日期", "收据编号", "用途", "捐赠金额（元）", "已退回（元）"), gifts,
                    new boolean[] {false, false, false, true, true}, new float[] {2, 2.4f, 3, 2, 2}));
            pdf.paragraph("捐赠合计：" + yuan(s.givenFen()) + " 元；退回合计：" + yuan(s.refundedFen()) + " 元；净捐赠："
                    + yuan(s.givenFen() - s.refundedFen()) + " 元。");

            pdf.heading("二、善款去向");
            long attributed = s.projects().stream().mapToLong(Funded::attributedFen).sum();
            if (s.projects().isEmpty()) {
                pdf.paragraph("截至期末，您的善款尚未分配到项目。");
            } else {
                List<List<String>> rows = new ArrayList<>();
                for (Funded f : s.projects()) {
                    rows.add(List.of(f.project().title(), stage(f.project().stage()), yuan(f.attributedFen()), rule(f.rule())));
                }
                pdf.table(new PdfReport.Table(List.of("项目", "阶段", "归属您的金额（元）", "归属规则"), rows,
                        new boolean[] {false, false, true, false}, new float[] {3.2f, 1.2f, 2, 4}));
                pdf.paragraph("归属您的金额合计：" + yuan(attributed) + " 元。");
                pdf.note("归属规则：定向某项目的捐赠全部计入该项目；定向某类别的捐赠与非定向捐赠，按各项目截至期末从同一资金池"
                        + "（该类别的定向资金或非定向资金）所获拨款的比例分摊，向下取整到分；已退回部分不计。");
            }

            pdf.heading("三、项目支出（按类别）");
            Map<String, Long> total = new TreeMap<>();
            List<List<String>> spendRows = new ArrayList<>();
            for (Funded f : s.projects()) {
                ProjectReport p = f.project();
                p.spentByCategory().forEach((cat, fen) -> {
                    spendRows.add(List.of(p.title(), names.getOrDefault(cat, cat), yuan(fen)));
                    total.merge(cat, fen, Long::sum);
                });
                spendRows.add(List.of(p.title(), "项目已拨款 / 已支出", yuan(p.allocatedFen()) + " / " + yuan(p.spentFen())));
            }
            if (total.isEmpty()) {
                pdf.paragraph("这些项目尚无已入账的支出。");
            } else {
                pdf.table(new PdfReport.Table(List.of("项目", "类别", "支出（元）"), spendRows,
                        new boolean[] {false, false, true}, new float[] {3, 3, 2}));
                List<List<String>> byCategory = new ArrayList<>();
                List<Charts.Point> bars = new ArrayList<>();
                total.forEach((cat, fen) -> {
                    byCategory.add(List.of(names.getOrDefault(cat, cat), yuan(fen)));
                    bars.add(new Charts.Point(names.getOrDefault(cat, cat), fen / 100.0));
                });
                byCategory.add(List.of("合计", yuan(total.values().stream().mapToLong(Long::longValue).sum())));
                pdf.table(new PdfReport.Table(List.of("类别", "支出合计（元）"), byCategory, new boolean[] {false, true},
                        new float[] {3, 2}));
                pdf.image(new Charts(font.source()).bar("各类别支出（元）", "元", "支出", bars, 900, 420), "categories", 210);
            }

            pdf.heading("四、项目成效");
            for (Funded f : s.projects()) {
                ProjectReport p = f.project();
                pdf.paragraph("【" + p.title() + "】");
                pdf.paragraph("居民满意度：" + (p.satisfactionTenths() == null ? "尚未评估"
                        : String.format("%.1f / 5（%d 人评价）", p.satisfactionTenths() / 10.0,
                        p.respondents() == null ? 0 : p.respondents()))
                        + "；关联需求已办结：" + p.needsClosed() + " / " + p.needsLinked() + "。");
                if (p.progress().isEmpty()) {
                    pdf.note("暂无进展记录。");
                }
                for (ProgressRow r : p.progress()) {
                    pdf.paragraph(r.reportedOn() + "　" + r.body());
                    int shown = 0;
                    for (Long photoId : r.photoIds()) {
                        if (shown++ == PHOTOS_PER_UPDATE) {
                            pdf.note("另有 " + (r.photoIds().size() - PHOTOS_PER_UPDATE) + " 张照片未列出。");
                            break;
                        }
                        photo(pdf, photoId);
                    }
                }
            }
            pdf.note("生成时间：" + clock.instant().atZone(clock.getZone()).toLocalDateTime().withNano(0).toString()
                    .replace('T', ' ') + "。本报告不含受益居民的个人信息。");
            pdf.save(out);
        }
    }

    private void photo(PdfReport pdf, Long photoId) {
        FundFile f = em.find(FundFile.class, photoId);
        if (f == null) {
            return;
        }
        try {
            pdf.image(f.getContent(), "photo-" + photoId, 200);
        } catch (RuntimeException e) {
            pdf.note("（照片 " + f.getFileName() + " 无法显示）");
        }
    }

    private static String restriction(DonationLine d, Map<String, String> names) {
        return switch (d.restriction()) {
            case "PROJECT" -> "定向项目";
            case "CATEGORY" -> "定向类别：" + names.getOrDefault(d.restrictedCategory(), d.restrictedCategory());
            default -> "非定向";
        };
    }

    private static String rule(String rule) {
        return "RESTRICTED".equals(rule) ? "定向：全部计入本项目" : "按比例：按本项目在同一资金池中所获拨款的比例分摊";
    }

    private static String stage(String stage) {
        return switch (stage) {
            case "PROPOSAL" -> "立项中";
            case "REVIEW" -> "审核中";
            case "APPROVED" -> "已批准";
            case "RUNNING" -> "实施中";
            case "COMPLETED" -> "已完成";
            case "EVALUATED" -> "已评估";
            default -> stage;
        };
    }

    /** Yuan with two decimals, e.g. 3,000.00. */
    static String yuan(long fen) {
        return Money.format(fen);
    }
}
