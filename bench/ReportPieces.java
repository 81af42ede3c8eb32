import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.wushe.reports.pdf.Charts;
import org.wushe.reports.pdf.PdfReport;
import org.wushe.reports.pdf.ReportFont;

/**
 * Where the time of one community PDF goes, outside the server: the product's own PdfReport and
 * Charts (ejb/target/classes and the EAR's libraries on the class path, see bench/reports.sh), a PDF
 * shaped like the community report (title, a table of 15 figures, a line and a bar chart of 900 x 420,
 * saved), and its pieces timed one by one, each after a warm-up, in one JVM. The font is parsed
 * here for every PDF to time it; the job parses it once per step and reuses it:
 *
 * <pre>
 *   java -cp CP bench/ReportPieces.java [N] [FONT]
 * </pre>
 */
public class ReportPieces {

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        ReportFont font = ReportFont.at(Path.of(args.length > 1 ? args[1] : ReportFont.DEFAULT));
        for (int round = 0; round < 2; round++) {
            boolean warm = round == 1;
            int times = warm ? n : Math.max(5, n / 3);
            double ttc = 0, charts = 0, images = 0, save = 0, whole = 0;
            long bytes = 0;
            for (int i = 0; i < times; i++) {
                long t0 = System.nanoTime();
                ReportFont.Parsed parsed = font.parse();
                long t1 = System.nanoTime();
                Charts ch = new Charts(font);
                List<Charts.Point> trend = new ArrayList<>();
                for (int m = 1; m <= 12; m++) {
                    trend.add(new Charts.Point("2026-" + m, 40.0 + (i * 7 + m * 13) % 60));
                }
                List<Charts.Point> key = new ArrayList<>();
                for (String k : List.of("登记需求", "办结需求", "完成服务", "参与居民", "参与人次", "督查次数")) {
                    key.add(new Charts.Point(k, (double) ((i * 11 + k.length() * 17) % 90)));
                }
                BufferedImage line = ch.line("需求办结率（%）", "%", "需求办结率", trend, 900, 420);
                BufferedImage bar = ch.bar("本月关键指标", "数量", "本月", key, 900, 420);
                long t2 = System.nanoTime();
                try (PDDocument d = new PDDocument()) {
                    LosslessFactory.createFromImage(d, line);
                    LosslessFactory.createFromImage(d, bar);
                }
                long t3 = System.nanoTime();
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                long s0;
                try (PdfReport pdf = PdfReport.create(parsed)) {
                    pdf.metadata("结算社区" + i + " 社区月度考核报告", "社区月度考核报告", "民政局 五社联动平台", "月报");
                    pdf.title("结算社区" + i + " 社区月度考核报告").subtitle("社区：结算社区" + i + "（ST" + i + "）　街道：结算街道1　月份：2026 年 10 月");
                    pdf.paragraph("本报告的数据全部取自本月的考核快照：每项指标的本月数值，及全市有快照的社区的中位数。");
                    pdf.heading("本月指标");
                    List<List<String>> rows = new ArrayList<>();
                    for (int r = 0; r < 15; r++) {
                        rows.add(List.of("指标名称" + r, String.valueOf(i * r), "个", String.valueOf(r * 3)));
                    }
                    pdf.table(new PdfReport.Table(List.of("指标", "本月", "单位", "全市中位数"), rows,
                            new boolean[] {false, true, false, true}, new float[] {4, 2, 1.2f, 2}));
                    pdf.heading("近十二个月需求办结率");
                    pdf.image(line, "trend", 210);
                    pdf.heading("本月关键指标");
                    pdf.image(bar, "key", 210);
                    pdf.note("生成时间：2026-11-25 22:00:00");
                    s0 = System.nanoTime();
                    pdf.save(out);
                }
                parsed.close();
                long t4 = System.nanoTime();
                ttc += (t1 - t0) / 1e6;
                charts += (t2 - t1) / 1e6;
                images += (t3 - t2) / 1e6;
                save += (t4 - s0) / 1e6;
                whole += (t4 - t3) / 1e6;
                bytes += out.size();
            }
            if (warm) {
                System.out.printf("per PDF, mean of %d after warm-up (ms):%n", times);
                System.out.printf("  parse the font (ReportFont.parse; the job does it once per step)     %7.1f%n", ttc / times);
                System.out.printf("  two charts drawn (JFreeChart, 900x420, BufferedImage)              %7.1f%n", charts / times);
                System.out.printf("  two charts into PDF images (LosslessFactory.createFromImage)       %7.1f%n", images / times);
                System.out.printf("  the whole PDF in the parsed font (create .. save), of which save   %7.1f  %7.1f%n", whole / times, save / times);
                System.out.printf("  so per community PDF in the job (charts + whole PDF)               %7.1f%n", (charts + whole) / times);
                System.out.printf("  PDF size                                                          %7.1f KB%n", bytes / 1024.0 / times);
            }
        }
    }
}
