import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.wushe.assessment.application.FundShares;
import org.wushe.assessment.domain.Figures;
import org.wushe.assessment.domain.Metric;
import org.wushe.reports.domain.Place;
import org.wushe.reports.pdf.CommunityReportLayout;
import org.wushe.reports.pdf.ReportFont;

/**
 * The live heap of the monthly community reports outside the server: N community PDFs written one
 * after another in one thread with the product's own layout (CommunityReportLayout, as step
 * communities of reports-monthly writes them) and ONE font parsed once and shared by all of them,
 * as a partition does. Every K documents a full collection is forced and the heap used after it
 * printed (the live size), with the documents per second of those K (the collections not counted).
 * The communities' names and fund categories vary, so each document shows other characters. With
 * REPARSE &gt; 0 the font is parsed again after every REPARSE documents (0: never):
 *
 * <pre>
 *   java -Xmx1g -cp "ejb/target/classes:$(ls ear/target/wushe/lib/*.jar | paste -sd:)" bench/ReportHeap.java [N] [K] [REPARSE] [FONT]
 * </pre>
 *
 * The live size is measured inside the process (full collections, then the heap used), not with
 * a class histogram or heap dump taken from outside while documents are written: those skip
 * their collection while a thread is in a critical native section (compression, image code) and
 * then count garbage ("GC locker is held; pre-dump GC was skipped" in the JVM's log); nor with
 * {@code jstat} after {@code jcmd GC.run}, which counts what was allocated since, the charts'
 * large pixel arrays straight into the old generation.
 */
public class ReportHeap {

    /** Characters of Chinese place and category names, drawn from for each community. */
    private static final String HANZI = "东西南北中新华和平安康宁福寿永乐兴盛光明春秋景苑花园桥湖山河海江"
            + "林泉石松竹梅兰菊桂荷柳杨青翠碧金银玉龙凤鹤鹿云霞星月阳晨曦朝晖丰泰隆昌富贵吉祥瑞德仁义礼智"
            + "信忠孝廉勤俭恒远博雅文武英豪杰俊秀美丽华章锦绣城乡里坊街巷路口门楼台阁亭廊院府堂殿寺庙观";

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int k = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        int reparse = args.length > 2 ? Integer.parseInt(args[2]) : 0;
        ReportFont font = ReportFont.at(Path.of(args.length > 3 ? args[3] : ReportFont.DEFAULT));
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        System.out.printf("documents  live MB  docs/s (last %d)  KB/document%n", k);
        System.out.printf("%9d  %7.1f%n", 0, live(memory));
        write(font, n, k, reparse, memory);
        System.out.printf("font closed  %7.1f%n", live(memory));
    }

    /** Writes the documents; the parsed font is unreachable once this returns. */
    private static void write(ReportFont font, int n, int k, int reparse, MemoryMXBean memory) throws Exception {
        ReportFont.Parsed parsed = font.parse();
        try {
            long bytes = 0;
            long t0 = System.nanoTime();
            for (int i = 1; i <= n; i++) {
                if (reparse > 0 && i > 1 && (i - 1) % reparse == 0) {
                    parsed.close();
                    parsed = font.parse();
                }
                ByteArrayOutputStream out = new ByteArrayOutputStream(96 * 1024);
                CommunityReportLayout.write(parsed, content(i), out);
                bytes += out.size();
                if (i % k == 0 || i == n) {
                    double seconds = (System.nanoTime() - t0) / 1e9;
                    int done = i % k == 0 ? k : i % k;
                    System.out.printf("%9d  %7.1f  %16.1f  %11.1f%n", i, live(memory), done / seconds,
                            bytes / 1024.0 / done);
                    bytes = 0;
                    t0 = System.nanoTime();
                }
            }
        } finally {
            parsed.close();
        }
    }

    /** The heap used after full collections: what is live. */
    private static double live(MemoryMXBean memory) {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return memory.getHeapMemoryUsage().getUsed() / 1024.0 / 1024.0;
    }

    private static String name(int i, int length, int salt) {
        StringBuilder b = new StringBuilder();
        long x = i * 2654435761L + salt * 40503L;
        for (int j = 0; j < length; j++) {
            x = x * 6364136223846793005L + 1442695040888963407L;
            b.append(HANZI.charAt((int) Math.floorMod(x >>> 33, (long) HANZI.length())));
        }
        return b.toString();
    }

    private static Figures figures(int i, int month) {
        Map<Metric, BigDecimal> v = new EnumMap<>(Metric.class);
        int base = 20 + (i * 7 + month * 3) % 80;
        v.put(Metric.NEEDS_REGISTERED, BigDecimal.valueOf(base));
        v.put(Metric.NEEDS_CLOSED, BigDecimal.valueOf(base * (50 + (i + month) % 45) / 100));
        v.put(Metric.NEEDS_OPEN_BASE, BigDecimal.valueOf(base + 5));
        v.put(Metric.NEEDS_MEDIAN_CLOSURE_HOURS, BigDecimal.valueOf(12 + (i * 5) % 90));
        v.put(Metric.SATISFACTION_SUM, BigDecimal.valueOf(base * 4));
        v.put(Metric.SATISFACTION_COUNT, BigDecimal.valueOf(base));
        v.put(Metric.SERVICES_COMPLETED, BigDecimal.valueOf(10 + (i * 13) % 70));
        v.put(Metric.SERVICE_SCORE, BigDecimal.valueOf(60 + (i * 3) % 40));
        v.put(Metric.ATTENDANCES, BigDecimal.valueOf(100 + (i * 17) % 400));
        v.put(Metric.DISTINCT_PARTICIPANTS, BigDecimal.valueOf(40 + (i * 11) % 150));
        v.put(Metric.INSPECTIONS, BigDecimal.valueOf((i * 3) % 12));
        return new Figures(v).withRatios();
    }

    private static CommunityReportLayout.Content content(int i) {
        YearMonth month = YearMonth.of(2026, 10);
        String code = String.format("RH%05d", i);
        Place place = new Place(code, name(i, 3, 1) + "社区", "SD" + (i / 30), name(i / 30, 2, 2) + "街道");
        Map<YearMonth, Figures> trend = new LinkedHashMap<>();
        for (YearMonth m = month.minusMonths(11); !m.isAfter(month); m = m.plusMonths(1)) {
            trend.put(m, figures(i, m.getMonthValue()));
        }
        Map<Metric, BigDecimal> medians = new EnumMap<>(Metric.class);
        medians.put(Metric.NEEDS_CLOSED, new BigDecimal("31"));
        medians.put(Metric.NEEDS_CLOSURE_RATE, new BigDecimal("0.712"));
        medians.put(Metric.SERVICES_COMPLETED, new BigDecimal("38"));
        Map<String, String> categories = new LinkedHashMap<>();
        List<FundShares.Row> fund = new java.util.ArrayList<>();
        for (int c = 0; c < 4; c++) {
            String cat = "CAT" + ((i + c) % 9);
            categories.put(cat, name((i + c) % 9, 4, 3) + "项目");
            long allocated = 100_000L * (5 + (i * c) % 20);
            long spent = allocated * ((i + c) % 10) / 12;
            fund.add(new FundShares.Row(cat, allocated, (int) (1000 + (i * 37 + c * 500) % 3000), spent / 3, spent,
                    (int) (800 + (i * 29 + c * 300) % 2500), c == 0 ? 2000 : null, c == 0 ? "HARD" : null,
                    c == 1 ? 1500 : null, c == 1 ? "SOFT" : null, c == 0 && i % 3 == 0, c == 1 && i % 4 == 0));
        }
        return new CommunityReportLayout.Content(place, month, figures(i, 10), medians, trend, fund, categories,
                LocalDateTime.of(2026, 11, 1, 2, 3, 4));
    }
}
