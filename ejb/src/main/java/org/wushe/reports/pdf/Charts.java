package org.wushe.reports.pdf;

import java.awt.Color;
import java.awt.Font;
import java.awt.image.BufferedImage;
import java.util.List;
import org.jfree.chart.ChartFactory;
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
 * Bar and line charts drawn (Java 2D, headless) with the report font, so Chinese titles and axis
 * labels draw; the PDF writer places them as images. Drawn on white without transparency: the
 * PDF then holds one compressed image per chart and no mask.
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

    public BufferedImage bar(String title, String valueAxis, String series, List<Point> points, int width, int height) {
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
        return draw(chart, width, height);
    }

    public BufferedImage line(String title, String valueAxis, String series, List<Point> points, int width, int height) {
        DefaultCategoryDataset data = dataset(series, points);
        JFreeChart chart = ChartFactory.createLineChart(title, null, valueAxis, data, PlotOrientation.VERTICAL, false, false, false);
        theme().apply(chart);
        CategoryPlot plot = chart.getCategoryPlot();
        LineAndShapeRenderer r = (LineAndShapeRenderer) plot.getRenderer();
        r.setDefaultShapesVisible(true);
        r.setSeriesPaint(0, new Color(21, 101, 192));
        plot.getDomainAxis().setCategoryLabelPositions(CategoryLabelPositions.UP_45);
        return draw(chart, width, height);
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

    private static BufferedImage draw(JFreeChart chart, int width, int height) {
        return chart.createBufferedImage(width, height, BufferedImage.TYPE_INT_RGB, null);
    }
}
