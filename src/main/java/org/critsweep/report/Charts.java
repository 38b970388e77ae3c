package org.critsweep.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.critsweep.fit.Measurement;
import org.critsweep.fit.UniversalityClass;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The report's chart style — one size, large fonts, white background, the same colour for the same size in every plot
 * — and the PNG encoding, at twice the nominal size so that the plots stay sharp on high-density screens.
 */
final class Charts {

    static final int WIDTH = 760;
    static final int HEIGHT = 470;
    private static final int SCALE = 2;

    /** Okabe–Ito colours (distinguishable with the common colour-vision deficiencies), then greys. */
    private static final List<Color> PALETTE = List.of(new Color(0x0072B2), new Color(0xD55E00),
            new Color(0x009E73), new Color(0xCC79A7), new Color(0xE69F00), new Color(0x56B4E9), new Color(0x000000),
            new Color(0x999999));
    static final Color REFERENCE = new Color(0x555555);
    private static final Color ORDERED_END = new Color(0x2166AC);
    private static final Color MIDDLE = new Color(0x8C8C8C);
    private static final Color CHAOTIC_END = new Color(0xB2182B);
    private static final BasicStroke THIN = new BasicStroke(1.0f);
    private static final double LABELLED_DECADES = 1.5;
    private static final String LINEAR_LABELS = "0.####";
    /** Long dashes: XChart's own are too short to show on a curve drawn through many close points. */
    private static final BasicStroke DASHES = new BasicStroke(1.6f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f,
            new float[] {7f, 4f}, 0f);
    private static final List<BasicStroke> REFERENCE_DASHES = List.of(DASHES, SeriesLines.DOT_DOT,
            SeriesLines.DASH_DOT);
    /** Long dash, dot: the fifth class's line. */
    private static final BasicStroke DASH_DOT_LONG = new BasicStroke(1.6f, BasicStroke.CAP_BUTT,
            BasicStroke.JOIN_ROUND, 10f, new float[] {10f, 3f, 2f, 3f}, 0f);
    /** One colour and dash pattern per universality class, none shared, in no plot colour of a size. */
    private static final Map<UniversalityClass, Style> CLASS_STYLES = Map.of(
            UniversalityClass.MEAN_FIELD, new Style(new Color(0x222222), DASHES),
            UniversalityClass.DP_1_1, new Style(new Color(0x8E3B00), SeriesLines.DOT_DOT),
            UniversalityClass.DP_2_1, new Style(new Color(0x6A3D9A), SeriesLines.DASH_DOT),
            UniversalityClass.MN_1, new Style(new Color(0x117733), SeriesLines.DASH_DASH),
            UniversalityClass.MN_2, new Style(new Color(0x882255), DASH_DOT_LONG));

    /** The colour and the dashes of a reference line. */
    record Style(Color color, BasicStroke stroke) {
    }

    private Charts() {
    }

    /**
     * An empty chart with the report's style.
     *
     * @param xLabel the symbol and, for a dimensional quantity, its unit
     * @param legend where the legend goes: inside, in a corner the data leave free, or outside on the right
     */
    static XYChart chart(String title, String xLabel, String yLabel, Styler.LegendPosition legend) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title).xAxisTitle(xLabel)
                .yAxisTitle(yLabel).build();
        XYStyler s = chart.getStyler();
        s.setChartBackgroundColor(Color.WHITE);
        s.setPlotBackgroundColor(Color.WHITE);
        s.setPlotBorderColor(Color.GRAY);
        s.setPlotGridLinesColor(new Color(0xE4E4E4));
        s.setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
        s.setAxisTitleFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
        s.setAxisTickLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        s.setLegendFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        s.setLegendPosition(legend);
        s.setLegendBorderColor(Color.LIGHT_GRAY);
        s.setLegendBackgroundColor(new Color(255, 255, 255, 225));
        s.setLegendPadding(6);
        s.setChartTitleBoxVisible(false);
        s.setMarkerSize(6);
        s.setErrorBarsColorSeriesColor(true);
        s.setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        s.setAntiAlias(true);
        return chart;
    }

    /** The colour of the {@code index}-th size (or series) of a plot; sizes keep their colour across plots. */
    static Color color(int index) {
        return PALETTE.get(index % PALETTE.size());
    }

    /** Blue (the ordered end of a σ_w scan) through grey to red (the chaotic end), at {@code t} in [0, 1]. */
    static Color gradient(double t) {
        Color from = t < 0.5 ? ORDERED_END : MIDDLE;
        Color to = t < 0.5 ? MIDDLE : CHAOTIC_END;
        double u = t < 0.5 ? 2 * t : 2 * t - 1;
        return new Color((int) Math.round(from.getRed() + u * (to.getRed() - from.getRed())),
                (int) Math.round(from.getGreen() + u * (to.getGreen() - from.getGreen())),
                (int) Math.round(from.getBlue() + u * (to.getBlue() - from.getBlue())));
    }

    static void logLog(XYChart chart) {
        chart.getStyler().setXAxisLogarithmic(true);
        chart.getStyler().setYAxisLogarithmic(true);
    }


    /** A measured series drawn as a line without markers (for curves of hundreds of layers). */
    static XYSeries line(XYChart chart, String name, double[] x, double[] y, Color color) {
        XYSeries series = chart.addSeries(name, x, y);
        series.setMarker(SeriesMarkers.NONE);
        series.setLineColor(color);
        series.setLineWidth(1.8f);
        return series;
    }

    /** A dashed line (a prediction or a reference value) without markers. */
    static XYSeries dashed(XYChart chart, String name, double[] x, double[] y, Color color) {
        XYSeries series = line(chart, name, x, y, color);
        series.setLineStyle(DASHES);
        return series;
    }

    /** A reference line (a prediction, a class's value); the {@code index}-th of a plot gets the index-th dashes. */
    static XYSeries reference(XYChart chart, String name, double[] x, double[] y, int index) {
        XYSeries series = dashed(chart, name, x, y, REFERENCE);
        series.setLineStyle(REFERENCE_DASHES.get(index % REFERENCE_DASHES.size()));
        return series;
    }

    /** The line of a universality class's value: each class has its own colour and dashes in every plot. */
    static XYSeries classReference(XYChart chart, String name, double[] x, double[] y, UniversalityClass cls) {
        Style style = CLASS_STYLES.get(cls);
        XYSeries series = dashed(chart, name, x, y, style.color());
        series.setLineStyle(style.stroke());
        return series;
    }

    /** Points with error bars (a NaN error is left to {@link DrawableData}) joined by a thin line. */
    static XYSeries points(XYChart chart, String name, double[] x, double[] y, double[] e, Color color) {
        XYSeries series = chart.addSeries(name, x, y, e);
        series.setMarker(SeriesMarkers.CIRCLE);
        series.setMarkerColor(color);
        series.setLineColor(color);
        series.setLineStyle(THIN);
        return series;
    }

    /** Measurements (x, value, error) as {@link #points}. */
    static XYSeries points(XYChart chart, String name, List<Measurement> data, Color color) {
        return points(chart, name, data.stream().mapToDouble(Measurement::x).toArray(),
                data.stream().mapToDouble(Measurement::value).toArray(),
                data.stream().mapToDouble(Measurement::stderr).toArray(), color);
    }

    /** Markers only. */
    static XYSeries scatter(XYChart chart, String name, double[] x, double[] y, Color color) {
        XYSeries series = chart.addSeries(name, x, y);
        series.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        series.setMarker(SeriesMarkers.DIAMOND);
        series.setMarkerColor(color);
        return series;
    }

    /** The chart as PNG bytes, drawn at twice its nominal size, its axis labels {@linkplain #tidyAxes tidied}. */
    static byte[] png(XYChart chart) {
        tidyAxes(chart);
        BufferedImage image = new BufferedImage(chart.getWidth() * SCALE, chart.getHeight() * SCALE,
                BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = image.createGraphics();
        graphics.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        graphics.scale(SCALE, SCALE);
        chart.paint(graphics, chart.getWidth(), chart.getHeight());
        graphics.dispose();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode a plot as PNG", e);
        }
        return bytes.toByteArray();
    }

    /** The chart as SVG (for papers), its axis labels {@linkplain #tidyAxes tidied} as in the PNG. */
    static byte[] svg(XYChart chart) {
        tidyAxes(chart);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            VectorGraphicsEncoder.saveVectorGraphic(chart, bytes, VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode a plot as SVG", e);
        }
        return bytes.toByteArray();
    }

    /**
     * Tick labels that read at a glance: a leading zero on linear axes (XChart writes .05), and labels between the
     * decades on a logarithmic axis whose data span less than {@value #LABELLED_DECADES} decades (XChart labels only
     * the decades, so such an axis could have one label or none).
     */
    static void tidyAxes(XYChart chart) {
        XYStyler s = chart.getStyler();
        List<XYSeries> series = List.copyOf(chart.getSeriesMap().values());
        double xDecades = decades(series.stream().mapToDouble(XYSeries::getXMin).min().orElse(1),
                series.stream().mapToDouble(XYSeries::getXMax).max().orElse(1));
        double yDecades = decades(series.stream().mapToDouble(XYSeries::getYMin).min().orElse(1),
                series.stream().mapToDouble(XYSeries::getYMax).max().orElse(1));
        if (s.isXAxisLogarithmic()) {
            s.setXAxisLogarithmicDecadeOnly(xDecades >= LABELLED_DECADES);
        } else {
            s.setXAxisDecimalPattern(LINEAR_LABELS);
        }
        if (s.isYAxisLogarithmic()) {
            s.setYAxisLogarithmicDecadeOnly(yDecades >= LABELLED_DECADES);
        } else {
            s.setYAxisDecimalPattern(LINEAR_LABELS);
        }
    }

    private static double decades(double low, double high) {
        return low > 0 ? Math.log10(high / low) : Double.POSITIVE_INFINITY;
    }
}
