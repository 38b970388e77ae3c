package org.critsweep.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Makes a chart's data drawable before it is painted, and says what that took: points with a NaN or infinite
 * coordinate are dropped, and so are points at or below 0 on a logarithmic axis; an error bar that is NaN or negative
 * is not drawn; on a logarithmic y axis an error bar reaching 0 or below is drawn as its upper half (XChart refuses
 * the whole chart otherwise). A series left without points is removed.
 */
final class DrawableData {

    /**
     * What is left to draw.
     *
     * @param points  the data points left in the chart's series (the upper half-bars not counted)
     * @param dropped one sentence per kind of point left out, for the caption or the reason a plot is not drawn
     * @param changed one sentence per kind of error bar drawn otherwise, for the caption
     */
    record Outcome(int points, List<String> dropped, List<String> changed) {

        /** Every sentence, for the caption of a plot that is drawn. */
        List<String> notes() {
            List<String> notes = new ArrayList<>(dropped);
            notes.addAll(changed);
            return notes;
        }
    }

    private DrawableData() {
    }

    static Outcome prepare(XYChart chart) {
        boolean logX = chart.getStyler().isXAxisLogarithmic();
        boolean logY = chart.getStyler().isYAxisLogarithmic();
        int kept = 0;
        int notFinite = 0;
        int notPositive = 0;
        int noErrorBar = 0;
        List<double[]> halfBars = new ArrayList<>();
        List<XYSeries> halfBarSeries = new ArrayList<>();
        for (XYSeries series : List.copyOf(chart.getSeriesMap().values())) {
            double[] x = series.getXData();
            double[] y = series.getYData();
            double[] e = series.getExtraValues();
            List<Integer> usable = new ArrayList<>();
            for (int i = 0; i < x.length; i++) {
                if (!Double.isFinite(x[i]) || !Double.isFinite(y[i])) {
                    notFinite++;
                } else if (logX && x[i] <= 0 || logY && y[i] <= 0) {
                    notPositive++;
                } else {
                    usable.add(i);
                }
            }
            if (usable.isEmpty()) {
                chart.removeSeries(series.getName());
                continue;
            }
            kept += usable.size();
            double[] newX = usable.stream().mapToDouble(i -> x[i]).toArray();
            double[] newY = usable.stream().mapToDouble(i -> y[i]).toArray();
            double[] newE = null;
            if (e != null) {
                newE = new double[usable.size()];
                for (int k = 0; k < usable.size(); k++) {
                    double error = e[usable.get(k)];
                    if (!(error >= 0) || Double.isInfinite(error)) {
                        noErrorBar++;
                    } else if (logY && newY[k] - error <= 0) {
                        halfBars.add(new double[] {newX[k], newY[k], newY[k] + error});
                        halfBarSeries.add(series);
                    } else {
                        newE[k] = error;
                    }
                }
            }
            series.replaceData(newX, newY, newE);
        }
        for (int i = 0; i < halfBars.size(); i++) {
            double[] bar = halfBars.get(i);
            XYSeries upper = chart.addSeries(halfBarSeries.get(i).getName() + ", upper half of error bar " + (i + 1),
                    new double[] {bar[0], bar[0]}, new double[] {bar[1], bar[2]});
            upper.setMarker(SeriesMarkers.NONE);
            upper.setLineColor(halfBarSeries.get(i).getLineColor());
            upper.setLineWidth(1.0f);
            upper.setShowInLegend(false);
        }
        List<String> dropped = new ArrayList<>();
        if (notFinite > 0) {
            dropped.add(count(notFinite, "point") + " with a NaN or infinite value not drawn.");
        }
        if (notPositive > 0) {
            dropped.add(count(notPositive, "point") + " at or below 0 not drawn on the logarithmic axis.");
        }
        List<String> changed = new ArrayList<>();
        if (!halfBars.isEmpty()) {
            changed.add(count(halfBars.size(), "error bar") + " reaching 0 or below drawn as the upper half only (the"
                    + " logarithmic axis cannot show the lower one).");
        }
        if (noErrorBar > 0) {
            changed.add(count(noErrorBar, "point") + " without an error bar (its error is NaN or negative).");
        }
        return new Outcome(kept, dropped, changed);
    }

    /** "1 point", "3 points". */
    static String count(int n, String noun) {
        return String.format(Locale.ROOT, "%d %s%s", n, noun, n == 1 ? "" : "s");
    }
}
