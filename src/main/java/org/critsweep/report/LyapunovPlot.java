package org.critsweep.report;

import java.util.List;
import org.critsweep.fit.FitResult;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.style.Styler.LegendPosition;

/** λ_N against σ_w, one series per size, with the λ_N = 0 line and the fitted roots σ_w,c(N) on it. */
final class LyapunovPlot {

    private static final String X_LABEL = "σ_w";
    private static final String Y_LABEL = "λ_N (nats / layer)";

    private LyapunovPlot() {
    }

    static Panel withRoots(FamilyResults family) {
        String title = "λ_N(σ_w) per " + family.family().sizeSymbol() + ", with the roots σ_w,c(N)";
        XYChart chart = Charts.chart(title, X_LABEL, Y_LABEL, LegendPosition.InsideNW);
        if (!addScans(chart, family)) {
            return new Panel.Omission(title, "no point has a λ_N yet (the curves table has no last layer)");
        }
        for (int size : family.sizes()) {
            family.fit("sigma_w_c", size).ifPresent(row -> {
                FitResult root = row.fit();
                Charts.scatter(chart, root.valueWithError("σ_w,c(" + family.family().sizeSymbol() + "=" + size + ")"),
                        new double[] {root.estimate()}, new double[] {0.0}, family.color(size));
            });
        }
        return new Panel.Plot(chart, "λ_N, the mean over replicas of ln(|u^L| / |u^0|) / L for a tangent vector u"
                + " (table curves at the last layer), with standard errors; diamonds: the λ_N = 0 crossings by linear"
                + " interpolation (table fits, sigma_w_c, errors from the bootstrap over replicas).");
    }

    /**
     * Adds one series of λ_N(σ_w) per size and the dashed λ_N = 0 line.
     *
     * @return false when no point has a finite λ_N (nothing was added)
     */
    private static boolean addScans(XYChart chart, FamilyResults family) {
        double low = Double.POSITIVE_INFINITY;
        double high = Double.NEGATIVE_INFINITY;
        for (int size : family.sizes()) {
            List<PointResult> scan = family.points(size).stream().filter(p -> Double.isFinite(p.lambda())).toList();
            if (scan.isEmpty()) {
                continue;
            }
            Charts.points(chart, family.family().sizeSymbol() + "=" + size,
                    scan.stream().mapToDouble(PointResult::sigmaW).toArray(),
                    scan.stream().mapToDouble(PointResult::lambda).toArray(),
                    scan.stream().mapToDouble(PointResult::lambdaStderr).toArray(), family.color(size));
            low = Math.min(low, scan.get(0).sigmaW());
            high = Math.max(high, scan.get(scan.size() - 1).sigmaW());
        }
        if (chart.getSeriesMap().isEmpty()) {
            return false;
        }
        Charts.dashed(chart, "λ_N = 0", new double[] {low, high}, new double[] {0.0, 0.0}, Charts.REFERENCE);
        return true;
    }
}
