package org.wushe.reports.pdf;

import java.awt.Color;
import java.awt.Font;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.StandardChartTheme;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * Bar and line charts rendered to PNG (Java 2D, headless) with the report font, so Chinese titles
 * and axis labels draw; the PDF writer places them as images.
 */
public final class Charts {

    /** One bar or point: its label on the category axis and its value (null: none, a gap in a line). */
    public record Point(String label, Double value) {
    }

    static {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    private final ReportFont font;

    public Charts(ReportFont font) {
        this.font = font;
    }

    public byte[] bar(String title, String valueAxis, String series, List<Point> points, int width, int height) {
        DefaultCategoryDataset data = dataset(series, points);
        JFreeChart chart = ChartFactory.createBarChart(title, null, valueAxis, data, PlotOrientation.VERTICAL, false, false, false);
        theme().apply(chart);
        CategoryPlot plot = chart.getCategoryPlot();
        BarRenderer r = (BarRenderer) plot.getRenderer();
        r.setBarPainter(new StandardBarPainter());
        r.setShadowVisible(false);
        r.setSeriesPaint(0, new Color(183, 28, 28));
        r.setMaximumBarWidth(0.12);
        if (points.size() > 6) {
            plot.getDomainAxis().setCategoryLabelPositions(CategoryLabelPositions.UP_45);
        }
        return png(chart, width, height);
    }

    public byte[] line(String title, String valueAxis, String series, List<Point> points, int width, int height) {
        DefaultCategoryDataset data = dataset(series, points);
        JFreeChart chart = ChartFactory.createLineChart(title, null, valueAxis, data, PlotOrientation.VERTICAL, false, false, false);
        theme().apply(chart);
        CategoryPlot plot = chart.getCategoryPlot();
        LineAndShapeRenderer r = (LineAndShapeRenderer) plot.getRenderer();
        r.setDefaultShapesVisible(true);
        r.setSeriesPaint(0, new Color(21, 101, 192));
        plot.getDomainAxis().setCategoryLabelPositions(CategoryLabelPositions.UP_45);
        return png(chart, width, height);
    }

    private static DefaultCategoryDataset dataset(String series, List<Point> points) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (Point p : points) {
            data.addValue(p.value(), series, p.label());
        }
        return data;
    }

    private StandardChartTheme theme() {
        StandardChartTheme theme = new StandardChartTheme("wushe");
        theme.setExtraLargeFont(font.awt(16f).deriveFont(Font.BOLD));
        theme.setLargeFont(font.awt(13f));
        theme.setRegularFont(font.awt(11f));
        theme.setSmallFont(font.awt(10f));
        theme.setPlotBackgroundPaint(Color.WHITE);
        theme.setChartBackgroundPaint(Color.WHITE);
        theme.setRangeGridlinePaint(new Color(200, 200, 200));
        return theme;
    }

    private static byte[] png(JFreeChart chart, int width, int height) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ChartUtils.writeChartAsPNG(out, chart, width, height);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
