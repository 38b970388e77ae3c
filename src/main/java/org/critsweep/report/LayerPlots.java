package org.critsweep.report;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.style.Styler.LegendPosition;

/**
 * Observables against the layer l on log-log axes: the order parameter ρ(l) with the mean-field prediction for the
 * same point dashed, and a CNN spreading run's survival, active sites and spread.
 */
final class LayerPlots {

    private static final String RHO = "ρ = 1 − c";
    private static final String MEAN_FIELD = "mean field (dashed)";

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

    /** ρ(l) at the grid point nearest each size's measured σ_w,c(N). */
    static Panel rhoAtTheCriticalPoint(FamilyResults family) {
        Map<Integer, PointResult> nearest = CurveSelection.nearestToRoots(family);
        String title = "ρ(l) at the critical point, per " + family.family().sizeSymbol();
        if (nearest.isEmpty()) {
            return new Panel.Omission(title, "no size has a λ_N root (no sigma_w_c row): the σ_w scan does not cross"
                    + " λ_N = 0");
        }
        List<Curve> curves = new ArrayList<>();
        nearest.forEach((size, p) -> curves.add(new Curve(family.layers(p.pointId()), String.format(Locale.ROOT,
                "%s=%d at σ_w = %.4g (%s)", family.family().sizeSymbol(), size, p.sigmaW(),
                family.fit("sigma_w_c", size).orElseThrow().fit().valueWithError("σ_w,c")), family.color(size))));
        XYChart chart = Charts.chart(title, "layer l", RHO, LegendPosition.InsideSW);
        draw(chart, curves, LayerRow::rho, LayerRow::meanFieldRho);
        return new Panel.Plot(chart, "Mean ρ over replicas at the grid σ_w nearest each size's λ_N root σ_w,c(N)"
                + " (tables curves and fits); dashed: the mean-field ρ_l at the same σ_w. At σ_w,c the mean-field ρ"
                + " decays as a power law, ρ ~ 1/(κ l).");
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
