package org.critsweep.report;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.critsweep.fit.ChannelScan;
import org.critsweep.fit.Measurement;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.style.Styler.LegendPosition;

/**
 * σ_w,c against the channels C with the fitted approach to the mean field, σ_MF + a/C (+ b/C²), fixed and free
 * (PHYSICS.md §5); the fit stage writes it with the family of the largest C (fit_curves {@code sigma_w_c_channels}).
 */
final class ChannelScanPlot {

    private static final String TITLE = "σ_w,c against the channels C";

    private ChannelScanPlot() {
    }

    static Panel of(FamilyResults family) {
        Map<String, List<Measurement>> curve = family.curve(ChannelScan.CURVE);
        List<Measurement> measured = curve.get(ChannelScan.MEASURED);
        if (measured == null) {
            return new Panel.Omission(TITLE, "no channel scan with this family: the fit stage draws it with the"
                    + " family of the largest C, when three channel counts or more (same arch, activation, σ_b) have"
                    + " a critical point");
        }
        XYChart chart = Charts.chart(TITLE, "channels C", "σ_w,c", LegendPosition.InsideNE);
        chart.getStyler().setXAxisLogarithmic(true);
        Charts.points(chart, "σ_w,c(C): L → ∞ where extrapolated, else the largest L", measured, Charts.color(0));
        int index = 1;
        for (Map.Entry<String, List<Measurement>> law : curve.entrySet()) {
            if (!law.getKey().equals(ChannelScan.MEASURED)) {
                List<Measurement> points = law.getValue();
                Charts.line(chart, law.getKey() + label(family, law.getKey()), points.stream()
                        .mapToDouble(Measurement::x).toArray(), points.stream().mapToDouble(Measurement::value)
                        .toArray(), Charts.color(index++));
            }
        }
        OptionalDouble meanField = MeanFieldCritical.sigmaWc(family.family().activation(), family.family().sigmaB());
        if (meanField.isPresent()) {
            double low = curve.values().stream().flatMap(List::stream).mapToDouble(Measurement::x).min().orElseThrow();
            double high = curve.values().stream().flatMap(List::stream).mapToDouble(Measurement::x).max().orElseThrow();
            Charts.reference(chart, String.format(Locale.ROOT, "mean field σ_w,c = %.6f", meanField.getAsDouble()),
                    new double[] {low, high}, new double[] {meanField.getAsDouble(), meanField.getAsDouble()}, 1);
        }
        return new Panel.Plot(chart, "The critical point per channel count (" + family.fit("channel_slope_mf", null)
                .map(FitRow::scope).orElse("table fits") + ") and the weighted fits σ_w,c(C) = σ_MF + a/C (+ b/C²):"
                + " with σ_MF fixed at the mean-field value (channel_slope_mf, channel_mf_p) and free"
                + " (channel_sigma_w_c_inf, its pull from the theory channel_inf_pull). Errors are statistical; a"
                + " fixed-ω extrapolation in L adds a systematic that moves every C the same way.");
    }

    /** The numbers behind a law, for its legend entry. */
    private static String label(FamilyResults family, String law) {
        if (law.contains("fixed")) {
            Optional<FitRow> p = family.fit("channel_mf_p", null);
            return family.fit("channel_slope_mf", null).map(r -> ": " + r.fit().valueWithError("a")
                    + p.map(q -> String.format(Locale.ROOT, ", p = %.2g", q.fit().estimate())).orElse(""))
                    .orElse("");
        }
        return family.fit("channel_sigma_w_c_inf", null).map(r -> ": " + r.fit().valueWithError("σ_MF")).orElse("");
    }
}
