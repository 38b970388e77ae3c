package org.critsweep.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.critsweep.fit.LogVarianceAnalysis;
import org.critsweep.fit.LogVarianceCollapse;
import org.critsweep.fit.Measurement;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.style.Styler.LegendPosition;

/**
 * The growth of Var ln G with l/n (PHYSICS.md §5): per width the measured curve with the exact law dashed, and the
 * widths collapsed by their slope (table fit_curves, curves {@code ln_g_var}, {@code ln_g_var_exact},
 * {@code ln_g_var_collapse}).
 */
final class LogVariancePlots {

    private static final String TITLE = "Var ln G against l/N";
    /** Points drawn per series at most (every k-th layer), so that error bars stay readable over hundreds of layers. */
    private static final int DRAWN = 64;

    private LogVariancePlots() {
    }

    static List<Panel> of(FamilyResults family) {
        Map<String, List<Measurement>> measured = family.curve(LogVarianceAnalysis.CURVE);
        if (measured.isEmpty()) {
            return List.of(new Panel.Omission(TITLE, "not fitted: it needs an MLP family with a λ_N root per width (or"
                    + " one σ_w per width) and at least 4 layers and 3 replicas"));
        }
        return List.of(growth(family, measured), collapse(family));
    }

    private static Panel growth(FamilyResults family, Map<String, List<Measurement>> measured) {
        String symbol = family.family().sizeSymbol();
        XYChart chart = Charts.chart(TITLE, "l/" + symbol, "Var ln G over replicas", LegendPosition.InsideNW);
        Map<String, List<Measurement>> exact = family.curve(LogVarianceAnalysis.CURVE_EXACT);
        measured.forEach((series, points) -> {
            int size = FamilyResults.sizeOf(series);
            String slope = family.fit(LogVarianceAnalysis.SLOPE, size).map(f -> ", " + f.fit().valueWithError("s"))
                    .orElse("");
            Charts.points(chart, series + slope, thinned(points), family.color(size));
            List<Measurement> law = exact.getOrDefault(series, List.of());
            if (!law.isEmpty()) {
                Charts.dashed(chart, series + " exact", law.stream().mapToDouble(Measurement::x).toArray(),
                        law.stream().mapToDouble(Measurement::value).toArray(), family.color(size));
            }
        });
        return new Panel.Plot(chart, "Var ln G^l over replicas against the effective depth l/" + symbol + " at one"
                + " point per width (fits.fit_window of ln_g_var_slope), with the exact law Var ln G⁰ + l Var ln R"
                + " dashed where the net is solvable (ReLU or linear at σ_b = 0); s is the fitted slope of the"
                + " quadratic a + s x + c x² (table fits, ln_g_var_slope).");
    }

    private static Panel collapse(FamilyResults family) {
        Map<String, List<Measurement>> collapsed = family.curve(LogVarianceCollapse.CURVE);
        String limit = family.fit(LogVarianceCollapse.INFINITE, null).map(f -> ": " + f.fit().valueWithError("s∞"))
                .orElse("");
        XYChart chart = Charts.chart("Collapsed by the slope" + limit, "l/" + family.family().sizeSymbol(),
                "(Var ln G − a) / s", LegendPosition.InsideNW);
        boolean exact = collapsed.containsKey(LogVarianceCollapse.EXACT_SERIES);
        collapsed.forEach((series, points) -> {
            if (series.equals(LogVarianceCollapse.EXACT_SERIES)) {
                Charts.reference(chart, "exact: y = x", points.stream().mapToDouble(Measurement::x).toArray(),
                        points.stream().mapToDouble(Measurement::value).toArray(), 0);
            } else if (!points.isEmpty()) {
                Charts.points(chart, series, thinned(points), family.color(FamilyResults.sizeOf(series)));
            }
        });
        return new Panel.Plot(chart, (exact
                ? "Each width's Var ln G less the exact Var ln G⁰, divided by the exact slope n Var ln R: on the line"
                        + " y = x when the law holds."
                : "Each width's Var ln G less its fitted offset a, divided by its fitted slope s: the widths differ"
                        + " only through the curvature c/s.")
                + " Table fit_curves, ln_g_var_collapse; s∞ from s(N) = s∞ + s₁/N (fits, ln_g_var_slope_inf).");
    }

    /** Every k-th point, k chosen so that at most {@link #DRAWN} are drawn; the last point is always kept. */
    private static List<Measurement> thinned(List<Measurement> points) {
        int stride = Math.max(1, (points.size() + DRAWN - 1) / DRAWN);
        List<Measurement> kept = new ArrayList<>();
        IntStream.range(0, points.size()).filter(i -> i % stride == 0 || i == points.size() - 1)
                .forEach(i -> kept.add(points.get(i)));
        return kept;
    }
}
