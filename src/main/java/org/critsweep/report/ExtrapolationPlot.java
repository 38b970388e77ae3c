package org.critsweep.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.stream.IntStream;
import org.critsweep.fit.FitResult;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.style.Styler.LegendPosition;

/**
 * σ_w,c(N) against 1/N with the fitted σ_w,c(∞) + a/N (+ b/N²) and its band (PHYSICS.md §5: the finite-width root
 * sits above the mean-field σ_w,c by about 3.08/N for tanh at σ_b = 0.3); a CNN's σ_w,c(L) is drawn by
 * {@link LatticeExtrapolationPlot}.
 */
final class ExtrapolationPlot {

    private static final String TITLE = "σ_w,c(N) against 1/N, extrapolated to N → ∞";
    private static final int SAMPLES = 60;

    private ExtrapolationPlot() {
    }

    static Panel of(FamilyResults family) {
        if (!family.family().mlp()) {
            return LatticeExtrapolationPlot.of(family);
        }
        Optional<FitRow> infinite = family.fit("sigma_w_c_inf", null);
        Optional<FitRow> slope = family.fit("sigma_w_c_slope", null);
        List<double[]> roots = new ArrayList<>();
        for (int size : family.sizes()) {
            family.fit("sigma_w_c", size).ifPresent(r -> roots.add(new double[] {1.0 / size, r.fit().estimate(),
                r.fit().stderr()}));
        }
        if (infinite.isEmpty() || slope.isEmpty()) {
            return new Panel.Omission(TITLE, "no extrapolation (no sigma_w_c_inf row): it needs λ_N roots at two"
                    + " widths or more, and " + roots.size() + (roots.size() == 1 ? " width has" : " widths have")
                    + " one");
        }
        FitResult a0 = infinite.get().fit();
        FitResult a1 = slope.get().fit();
        Optional<FitResult> a2 = family.fit("sigma_w_c_curvature", null).map(FitRow::fit);
        XYChart chart = Charts.chart(TITLE, "1/N (1 / neurons)", "σ_w,c", LegendPosition.InsideNW);
        Charts.points(chart, "λ_N roots σ_w,c(N)", roots.stream().mapToDouble(r -> r[0]).toArray(),
                roots.stream().mapToDouble(r -> r[1]).toArray(), roots.stream().mapToDouble(r -> r[2]).toArray(),
                Charts.color(0));
        double right = 1.15 * roots.stream().mapToDouble(r -> r[0]).max().orElse(0.02);
        double[] x = IntStream.range(0, SAMPLES).mapToDouble(i -> right * i / (SAMPLES - 1)).toArray();
        double[] line = new double[SAMPLES];
        double[] halfWidth = new double[SAMPLES];
        for (int i = 0; i < SAMPLES; i++) {
            double u = x[i];
            line[i] = a0.estimate() + a1.estimate() * u + a2.map(b -> b.estimate() * u * u).orElse(0.0);
            halfWidth[i] = Math.sqrt(square(a0.stderr()) + square(u * a1.stderr())
                    + a2.map(b -> square(u * u * b.stderr())).orElse(0.0));
        }
        Charts.line(chart, "fit: " + a0.valueWithError("σ_w,c(∞)") + ", " + a1.valueWithError("a")
                + a2.map(b -> ", " + b.valueWithError("b")).orElse(""), x, line, Charts.color(1));
        boolean band = Double.isFinite(halfWidth[SAMPLES - 1]);
        if (band) {
            Charts.dashed(chart, "± 1 standard error", x, IntStream.range(0, SAMPLES)
                    .mapToDouble(i -> line[i] + halfWidth[i]).toArray(), Charts.color(1));
            Charts.dashed(chart, "band, lower edge", x, IntStream.range(0, SAMPLES)
                    .mapToDouble(i -> line[i] - halfWidth[i]).toArray(), Charts.color(1)).setShowInLegend(false);
        }
        OptionalDouble meanField = MeanFieldCritical.sigmaWc(family.family().activation(), family.family().sigmaB());
        if (meanField.isPresent()) {
            Charts.reference(chart, String.format(java.util.Locale.ROOT, "mean field σ_w,c = %.6f",
                    meanField.getAsDouble()), new double[] {0.0, right},
                    new double[] {meanField.getAsDouble(), meanField.getAsDouble()}, 1);
        }
        return new Panel.Plot(chart, "The λ_N roots per width (table fits, sigma_w_c) and the weighted fit"
                + " σ_w,c(N) = σ_w,c(∞) + a/N" + (a2.isPresent() ? " + b/N²" : "")
                + " (sigma_w_c_inf, sigma_w_c_slope)."
                + (band ? " The band adds the standard errors of the coefficients in quadrature: the fits table holds"
                        + " no covariance, so it is wider than the true band where the coefficients are anticorrelated."
                        : " No band: a coefficient has no standard error."));
    }

    /** v², NaN for a missing error: a band without one is not drawn. */
    private static double square(double v) {
        return v * v;
    }
}
