package org.critsweep.report;

import java.util.List;
import java.util.Map;
import org.critsweep.fit.Measurement;
import org.critsweep.fit.XiCorrection;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.style.Styler.LegendPosition;

/**
 * The finite-width correction to the correlation depth (PHYSICS.md §5): ξ_MF/ξ_N − 1 against ξ_MF/N per width, the
 * predicted −2cξ_MF/N at the same points and the fitted slope through the origin.
 */
final class XiCorrectionPlot {

    private static final String TITLE = "Finite-width correction to the correlation depth ξ";

    private XiCorrectionPlot() {
    }

    static Panel of(FamilyResults family) {
        Map<String, List<Measurement>> curve = family.curve(XiCorrection.CURVE);
        List<Measurement> predicted = curve.getOrDefault(XiCorrection.PREDICTED, List.of());
        if (predicted.isEmpty()) {
            return new Panel.Omission(TITLE, "no xi_correction curve: it needs two widths or more and points in the"
                    + " ordered phase with ξ_MF/N ≤ " + XiCorrection.MAX_DEPTH_OVER_WIDTH + " and λ_N clearly below 0");
        }
        XYChart chart = Charts.chart(TITLE, "ξ_MF / N", "ξ_MF / ξ_N − 1", LegendPosition.InsideNW);
        curve.forEach((series, points) -> {
            if (!series.equals(XiCorrection.PREDICTED)) {
                int width = FamilyResults.sizeOf(series);
                Charts.points(chart, series, points, family.sizes().contains(width) ? family.color(width)
                        : Charts.color(chart.getSeriesMap().size()));
            }
        });
        Charts.reference(chart, "predicted −2c ξ_MF/N", predicted.stream().mapToDouble(Measurement::x).toArray(),
                predicted.stream().mapToDouble(Measurement::value).toArray(), 0);
        double right = predicted.get(predicted.size() - 1).x();
        family.fit(XiCorrection.SLOPE, null).map(FitRow::fit).ifPresent(slope -> Charts.line(chart,
                "fit " + slope.valueWithError("slope"), new double[] {0.0, right},
                new double[] {0.0, slope.estimate() * right}, Charts.color(family.sizes().size())));
        String verdict = family.fit(XiCorrection.P_VALUE, null).map(FitRow::fit)
                .map(p -> String.format(java.util.Locale.ROOT, " The measured points against the predicted ones:"
                        + " p = %.3g (xi_correction_p).", p.estimate())).orElse("");
        return new Panel.Plot(chart, "Per width, ξ_MF/ξ_N − 1 = λ_N/λ_MF − 1 with λ_N the replica mean less the"
                + " mean-field transient from q0 (table fit_curves, xi_correction), against ξ_MF/N, ξ_MF = −1/(2λ_MF);"
                + " dashed: the prediction −2c ξ_MF/N with c of λ_N = λ_MF + c/N at each point's σ_w; solid: the"
                + " weighted slope through the origin (xi_correction_slope)." + verdict);
    }
}
