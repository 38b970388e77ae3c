package org.critsweep.report;

import java.util.List;
import java.util.Map;
import org.critsweep.fit.Measurement;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.style.Styler.LegendPosition;

/** The off-critical points behind β (the chaotic plateau ρ*) and ν_∥ (the correlation depth ξ_∥), against σ_w. */
final class OffCriticalPlots {

    private static final String WHY_MISSING = " needs points of the largest size off the critical point within"
            + " analysis.tau_window (by default |τ|·N ≥ 10 and |τ| ≤ 0.05)";

    private OffCriticalPlots() {
    }

    static List<Panel> of(FamilyResults family) {
        return List.of(
                plot(family, "rho_plateau", "beta", "β", "Chaotic plateau ρ*(σ_w)", "ρ* (plateau of ρ)",
                        LegendPosition.InsideNW, false,
                        "ρ* = ρ averaged over the second half of the depth, on the chaotic side (table fit_curves,"
                                + " rho_plateau); β from ρ* = B τ^β (table fits)."),
                plot(family, "xi_par", "nu_par", "ν_∥", "Correlation depth ξ_∥(σ_w)", "ξ_∥ (layers)",
                        LegendPosition.OutsideE, true,
                        "ξ_∥ from the exponential tail of each point's ρ(l) (table fit_curves, xi_par); ν_∥ from"
                                + " ξ_∥ = C |τ|^−ν_∥ (table fits)."));
    }

    /** A plot of the points an exponent is fitted to: one point shows no trend, so it needs two. */
    private static Panel plot(FamilyResults family, String curve, String quantity, String symbol, String title,
                              String yLabel, LegendPosition legend, boolean logarithmic, String caption) {
        Map<String, List<Measurement>> series = family.curve(curve);
        if (series.isEmpty()) {
            return new Panel.Omission(title + " and " + symbol, "no " + curve + " points in table fit_curves: "
                    + symbol + WHY_MISSING);
        }
        String fitted = series.keySet().stream().map(FamilyResults::sizeOf)
                .map(size -> family.fit(quantity, size)).flatMap(java.util.Optional::stream)
                .map(f -> ": " + f.fit().valueWithError(symbol)).findFirst().orElse("");
        XYChart chart = Charts.chart(title + fitted, "σ_w", yLabel, legend);
        chart.getStyler().setYAxisLogarithmic(logarithmic);
        series.forEach((name, points) -> Charts.points(chart, name, points, family.color(FamilyResults.sizeOf(name))));
        return new Panel.Plot(chart, caption, 2);
    }
}
