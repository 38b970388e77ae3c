package org.critsweep.report;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.function.ToDoubleFunction;
import org.critsweep.theory.MeanField;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.Styler.LegendPosition;

/**
 * Observables against the layer l on log-log axes: the order parameter ρ(l) with the mean-field prediction for the
 * same point dashed, and a CNN spreading run's survival, active sites and spread.
 */
final class LayerPlots {

    private static final String RHO = "ρ = 1 − c";
    private static final String MEAN_FIELD = "mean field (dashed)";
    private static final String BAND = "± 1 standard error (dotted)";

    private LayerPlots() {
    }

    /** One curve of a plot: a point's rows, its legend entry and colour. */
    private record Curve(List<LayerRow> rows, String name, Color color) {
    }

    /** ρ(l) at a few σ_w of the largest size: the ordered curves fall to 0, the chaotic ones level off. */
    static Panel rhoAcrossTheTransition(FamilyResults family) {
        return acrossTheScan(family, "ρ(l) across the transition", RHO, LayerRow::rho, LayerRow::meanFieldRho,
                LegendPosition.InsideSW, "Mean ρ over replicas at σ_w values spread over the scan of the largest"
                        + " size (table curves); dashed: the mean-field ρ_l of the same σ_w (docs/PHYSICS.md §4)."
                        + " Values below " + LogLogPoints.FLOOR + " are not drawn.");
    }

    /**
     * ρ(l) at each size's measured σ_w,c(N), interpolated between the grid points around it, with its ± 1 standard
     * error dotted, and the mean-field ρ_l at the mean-field critical point, where it decays as a power law.
     */
    static Panel rhoAtTheCriticalPoint(FamilyResults family) {
        Map<Integer, CurveSelection.Bracket> brackets = CurveSelection.rootBrackets(family);
        String title = "ρ(l) at the critical point, per " + family.family().sizeSymbol();
        if (brackets.isEmpty()) {
            return new Panel.Omission(title, "no size has a λ_N root (no sigma_w_c row): the σ_w scan does not cross"
                    + " λ_N = 0");
        }
        XYChart chart = Charts.chart(title, "layer l", RHO, LegendPosition.InsideSW);
        Charts.logLog(chart);
        double c0 = Double.NaN;
        int depth = 0;
        for (Map.Entry<Integer, CurveSelection.Bracket> e : brackets.entrySet()) {
            CurveSelection.Bracket b = e.getValue();
            List<LayerRow> below = family.layers(b.below().pointId());
            RootInterpolation.Curve curve = RootInterpolation.at(below, family.layers(b.above().pointId()), b.t());
            if (curve.layer().length == 0) {
                continue;
            }
            Color color = family.color(e.getKey());
            String name = family.family().sizeSymbol() + "=" + e.getKey() + " at "
                    + b.root().fit().valueWithError("σ_w,c");
            Charts.line(chart, name, curve.layer(), curve.rho(), color);
            band(chart, name, curve, color);
            depth = Math.max(depth, (int) curve.layer()[curve.layer().length - 1]);
            if (Double.isNaN(c0) && !below.isEmpty() && below.get(0).layer() == 0) {
                c0 = 1 - below.get(0).rho();
            }
        }
        String meanField = meanFieldAtCriticality(chart, family, c0, depth);
        return new Panel.Plot(chart, "Mean ρ over replicas at each size's λ_N root σ_w,c(N) (table fits), interpolated"
                + " linearly in σ_w between the two grid points around it (table curves); dotted: ± 1 standard error"
                + " from the two points' errors." + meanField + " Values below " + LogLogPoints.FLOOR
                + " are not drawn.");
    }

    /** The interpolated curve ± its standard error, dotted, one legend entry for the first band. */
    private static void band(XYChart chart, String name, RootInterpolation.Curve curve, Color color) {
        int n = curve.layer().length;
        double[] upper = java.util.stream.IntStream.range(0, n)
                .mapToDouble(i -> curve.rho()[i] + curve.stderr()[i]).toArray();
        double[] lower = java.util.stream.IntStream.range(0, n)
                .mapToDouble(i -> curve.rho()[i] - curve.stderr()[i]).toArray();
        boolean first = !chart.getSeriesMap().containsKey(BAND);
        for (double[] edge : List.of(upper, lower)) {
            double[][] kept = positive(curve.layer(), edge);
            if (kept[0].length > 0) {
                String edgeName = first && edge == upper ? BAND : name + (edge == upper ? ", upper" : ", lower");
                XYSeries series = Charts.line(chart, edgeName, kept[0], kept[1], color);
                series.setLineStyle(SeriesLines.DOT_DOT);
                series.setLineWidth(1.0f);
                series.setShowInLegend(edgeName.equals(BAND));
            }
        }
    }

    /** The (x, y) with y at least {@link LogLogPoints#FLOOR} (a lower band edge may reach 0 or below). */
    private static double[][] positive(double[] x, double[] y) {
        int[] keep = java.util.stream.IntStream.range(0, x.length).filter(i -> y[i] >= LogLogPoints.FLOOR).toArray();
        return new double[][] {java.util.Arrays.stream(keep).mapToDouble(i -> x[i]).toArray(),
            java.util.Arrays.stream(keep).mapToDouble(i -> y[i]).toArray()};
    }

    /**
     * Draws the mean-field ρ_l at the mean-field σ_w,c from the fixed point q* and the inputs' ρ_0 = 1 − c0, dashed;
     * returns the caption's sentence about it.
     */
    private static String meanFieldAtCriticality(XYChart chart, FamilyResults family, double c0, int depth) {
        OptionalDouble critical = MeanFieldCritical.sigmaWc(family.family().activation(), family.family().sigmaB());
        if (critical.isEmpty()) {
            return " No mean-field curve: " + family.family().activation().label() + " has no mean-field critical"
                    + " point at σ_b = " + family.family().sigmaB() + ".";
        }
        if (!(Math.abs(c0) < 1) || depth < 1) {
            return " No mean-field curve: no curve has ρ at layer 0 (the inputs' correlation).";
        }
        MeanField field = MeanField.of(family.family().activation().activation(), critical.getAsDouble(),
                family.family().sigmaB());
        double[] rho = field.curve(field.qStar(), c0, depth).rho();
        double[] layers = java.util.stream.IntStream.rangeClosed(1, depth).asDoubleStream().toArray();
        double[][] drawn = LogLogPoints.thinned(positive(layers, java.util.Arrays.copyOfRange(rho, 1, depth + 1)));
        String name = String.format(Locale.ROOT, "mean field at σ_w,c = %.6f", critical.getAsDouble());
        Charts.reference(chart, name, drawn[0], drawn[1], 0);
        return String.format(Locale.ROOT, " Dashed: the mean-field ρ_l at the mean-field critical point σ_w,c = %.6f"
                + " (docs/PHYSICS.md §4), iterated from its fixed point q* and the inputs' correlation; there it"
                + " decays as a power law, ρ ~ 1/(κ l), while the finite-width curves sit at their own σ_w,c(N).",
                critical.getAsDouble());
    }

    /** A CNN spreading run's P(l), N_a(l) and R²(l) across the σ_w scan (first activity threshold). */
    static List<Panel> spreading(FamilyResults family) {
        String threshold = " Sites count as active where ρ_x exceeds the first of grid.active_thresholds.";
        return List.of(
                acrossTheScan(family, "Survival probability P(l)", "P(l) (fraction of replicas)", LayerRow::survival,
                        null, LegendPosition.InsideSW, "Fraction of replicas with an active site (table curves,"
                                + " survival_1)." + threshold),
                acrossTheScan(family, "Active sites N_a(l)", "N_a(l) (sites)", LayerRow::activeSites, null,
                        LegendPosition.InsideNW, "Mean number of active sites over replicas (active_sites_mean_1)."
                                + threshold),
                acrossTheScan(family, "Spread R²(l)", "R²(l) (sites²)", LayerRow::spreadR2, null,
                        LegendPosition.InsideNW, "Mean squared distance of the active sites from the origin, over the"
                                + " replicas with one (spread_r2_mean_1)." + threshold));
    }

    /**
     * One curve per σ_w of {@link CurveSelection#transition}, blue (ordered) to red (chaotic).
     *
     * @param theory the prediction drawn dashed beside each curve, or null
     */
    private static Panel acrossTheScan(FamilyResults family, String title, String yLabel,
                                       ToDoubleFunction<LayerRow> value, ToDoubleFunction<LayerRow> theory,
                                       LegendPosition legend, String caption) {
        List<PointResult> scan = CurveSelection.transition(family);
        List<Curve> curves = new ArrayList<>();
        for (int i = 0; i < scan.size(); i++) {
            PointResult p = scan.get(i);
            curves.add(new Curve(family.layers(p.pointId()), String.format(Locale.ROOT, "σ_w = %.4g (%s)", p.sigmaW(),
                    p.phase()), Charts.gradient(scan.size() == 1 ? 0.0 : i / (scan.size() - 1.0))));
        }
        String fullTitle = scan.isEmpty() ? title
                : title + ", " + family.family().sizeSymbol() + " = " + scan.get(0).size();
        XYChart chart = Charts.chart(fullTitle, "layer l", yLabel, legend);
        draw(chart, curves, value, theory);
        if (chart.getSeriesMap().isEmpty()) {
            return new Panel.Omission(title, "no point has a positive value recorded at a layer >= 1");
        }
        return new Panel.Plot(chart, caption);
    }

    /**
     * The curves, then their predictions dashed in the same colours under one legend entry; the predictions are
     * thinned to log-spaced layers so that their dashes show.
     */
    private static void draw(XYChart chart, List<Curve> curves, ToDoubleFunction<LayerRow> value,
                             ToDoubleFunction<LayerRow> theory) {
        Charts.logLog(chart);
        List<Curve> drawn = new ArrayList<>();
        for (Curve curve : curves) {
            double[][] measured = LogLogPoints.of(curve.rows(), value);
            if (measured[0].length > 0) {
                Charts.line(chart, curve.name(), measured[0], measured[1], curve.color());
                drawn.add(curve);
            }
        }
        if (theory == null) {
            return;
        }
        for (Curve curve : drawn) {
            double[][] predicted = LogLogPoints.thinned(LogLogPoints.of(curve.rows(), theory));
            if (predicted[0].length > 0) {
                boolean first = !chart.getSeriesMap().containsKey(MEAN_FIELD);
                Charts.dashed(chart, first ? MEAN_FIELD : MEAN_FIELD + ", " + curve.name(), predicted[0], predicted[1],
                        curve.color()).setShowInLegend(first);
            }
        }
    }
}
