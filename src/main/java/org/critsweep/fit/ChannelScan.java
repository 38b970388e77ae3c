package org.critsweep.fit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.commons.math3.special.Gamma;

/**
 * How a CNN's critical point approaches the mean field as the channels C grow (PHYSICS.md §5): families that differ
 * only in C give σ_w,c(C), fitted as σ_w,c(C) = σ_MF + a/C (+ b/C²), once with σ_MF fixed at the theory's value (is
 * the mean-field limit consistent: χ² and its p) and once with it free (what the data say the limit is, and its pull
 * from the theory). The b/C² term is kept only where a degree of freedom remains and b differs from 0 by more than
 * two standard errors, as in {@link CriticalPointExtrapolation}.
 */
public final class ChannelScan {

    public static final String CURVE = "sigma_w_c_channels";
    public static final String MEASURED = "measured";
    public static final String FIXED_LAW = "law, mean field fixed";
    public static final String FREE_LAW = "law, limit free";
    public static final int MIN_CHANNELS = 3;
    private static final double SIGNIFICANT = 2.0;
    private static final int LAW_SAMPLES = 60;

    /**
     * @param scope the channel counts used, {@code C in [2, 4, 8]}
     * @param fits  the rows of both fits
     * @param curve per series ({@link #MEASURED}, {@link #FIXED_LAW}, {@link #FREE_LAW}), σ_w,c against C
     */
    public record Result(String scope, List<FitResult> fits, Map<String, List<Measurement>> curve) {
    }

    private ChannelScan() {
    }

    /**
     * @param criticalPoints σ_w,c per channel count (x = C), with standard errors; those without a finite positive
     *                       error are skipped
     * @param meanField      the mean-field σ_w,c of the activation and σ_b (1.39558 for tanh at σ_b = 0.3)
     * @return empty with fewer than {@value #MIN_CHANNELS} usable channel counts
     */
    public static Optional<Result> fit(List<Measurement> criticalPoints, double meanField) {
        if (!Double.isFinite(meanField)) {
            throw new IllegalArgumentException("meanField: expected a finite sigma_w,c, got " + meanField);
        }
        List<Measurement> usable = criticalPoints.stream().filter(m -> m.x() > 0 && Double.isFinite(m.stderr())
                && m.stderr() > 0).sorted(java.util.Comparator.comparingDouble(Measurement::x)).toList();
        if (usable.size() < MIN_CHANNELS) {
            return Optional.empty();
        }
        String scope = "C in " + usable.stream().map(m -> String.valueOf((long) m.x()))
                .collect(Collectors.joining(", ", "[", "]"));
        Optional<Law> fixed = law(usable, meanField);
        Optional<Law> free = law(usable, Double.NaN);
        List<FitResult> fits = new ArrayList<>();
        Map<String, List<Measurement>> curve = new LinkedHashMap<>();
        curve.put(MEASURED, usable);
        fixed.ifPresent(law -> {
            String window = String.format(Locale.ROOT, "%s, sigma_MF = %.6f fixed, %s", scope, meanField, law.form());
            fits.add(law.row("channel_slope_mf", 1, window));
            law.order2().ifPresent(b -> fits.add(law.row("channel_curvature_mf", 2, window)));
            int dof = usable.size() - law.parameters().length;
            double p = dof > 0 ? Gamma.regularizedGammaQ(dof / 2.0, law.chi2() / 2.0) : Double.NaN;
            if (Double.isFinite(p)) {
                fits.add(new FitResult("channel_mf_p", p, Double.NaN, "chi2_upper_tail", window + ", chi2 = "
                        + String.format(Locale.ROOT, "%.4g on %d dof", law.chi2(), dof), law.chi2() / dof,
                        usable.size()));
            }
            curve.put(FIXED_LAW, law.sampled(usable));
        });
        free.ifPresent(law -> {
            String window = String.format(Locale.ROOT, "%s, sigma_MF free, %s", scope, law.form());
            FitResult limit = law.row("channel_sigma_w_c_inf", 0, window);
            fits.add(limit);
            fits.add(law.row("channel_slope", 1, window));
            law.order2().ifPresent(b -> fits.add(law.row("channel_curvature", 2, window)));
            fits.add(new FitResult("channel_inf_pull", (limit.estimate() - meanField) / limit.stderr(), Double.NaN,
                    "pull_from_theory", String.format(Locale.ROOT, "(channel_sigma_w_c_inf - %.6f) / stderr",
                    meanField), law.chi2PerDof(), usable.size()));
            curve.put(FREE_LAW, law.sampled(usable));
        });
        return Optional.of(new Result(scope, fits, curve));
    }

    /**
     * The linear law, or the quadratic where it is supported.
     *
     * @param meanField the fixed limit, or NaN to fit it
     */
    private static Optional<Law> law(List<Measurement> data, double meanField) {
        boolean fixed = !Double.isNaN(meanField);
        int linear = fixed ? 1 : 2;
        if (data.size() >= linear + 2) {
            Optional<Law> quadratic = Law.fit(data, meanField, 2);
            if (quadratic.isPresent()) {
                int b = quadratic.get().parameters().length - 1;
                if (Math.abs(quadratic.get().parameters()[b]) > SIGNIFICANT * quadratic.get().stderr()[b]) {
                    return quadratic;
                }
            }
        }
        return Law.fit(data, meanField, 1);
    }

    /**
     * A fitted σ_MF + a/C (+ b/C²).
     *
     * @param parameters (σ_MF, a[, b]) when the limit is free, (a[, b]) when fixed
     * @param used       the channel counts fitted
     */
    private record Law(double meanField, double[] parameters, double[] stderr, double chi2, double chi2PerDof,
                       int order, String method, int used) {

        static Optional<Law> fit(List<Measurement> data, double meanField, int order) {
            boolean fixed = !Double.isNaN(meanField);
            int offset = fixed ? 0 : 1;
            double[] x = data.stream().mapToDouble(m -> 1.0 / m.x()).toArray();
            double[] y = data.stream().mapToDouble(Measurement::value).toArray();
            double[] sigma = data.stream().mapToDouble(Measurement::stderr).toArray();
            double[] start = new double[order + offset];
            if (!fixed) {
                start[0] = y[y.length - 1];
            }
            WeightedLeastSquares.Model model = (u, p, gradient) -> {
                double value = fixed ? meanField : p[0];
                if (!fixed) {
                    gradient[0] = 1.0;
                }
                double power = u;
                for (int k = 0; k < order; k++) {
                    gradient[k + offset] = power;
                    value += p[k + offset] * power;
                    power *= u;
                }
                return value;
            };
            String method = (fixed ? "wls_inverse_channels_fixed_limit" : "wls_inverse_channels")
                    + (order == 2 ? "_quadratic" : "");
            return WeightedLeastSquares.fit(x, y, sigma, model, start).map(s -> {
                double chi2 = 0;
                double[] gradient = new double[start.length];
                for (int i = 0; i < x.length; i++) {
                    double r = (y[i] - model.value(x[i], s.parameters(), gradient)) / sigma[i];
                    chi2 += r * r;
                }
                return new Law(fixed ? meanField : s.parameters()[0], s.parameters(), s.stderr(), chi2,
                        s.chi2PerDof(), order, method, x.length);
            });
        }

        private int offset() {
            return parameters.length - order;
        }

        /** The coefficient b, when the law has it. */
        Optional<Double> order2() {
            return order == 2 ? Optional.of(parameters[parameters.length - 1]) : Optional.empty();
        }

        /** @param power 0 for the limit, 1 for a, 2 for b */
        FitResult row(String quantity, int power, String window) {
            int index = power == 0 ? 0 : offset() + power - 1;
            return new FitResult(quantity, parameters[index], stderr[index], method, window, chi2PerDof, used);
        }

        String form() {
            return order == 2 ? "a/C + b/C^2" : "a/C";
        }

        double at(double channels) {
            double value = meanField;
            double power = 1.0 / channels;
            for (int k = 0; k < order; k++) {
                value += parameters[offset() + k] * power;
                power /= channels;
            }
            return value;
        }

        /** The law on a log grid from half the smallest C to four times the largest. */
        List<Measurement> sampled(List<Measurement> data) {
            double from = Math.log(data.get(0).x() / 2);
            double to = Math.log(4 * data.get(data.size() - 1).x());
            List<Measurement> points = new ArrayList<>();
            for (int i = 0; i < LAW_SAMPLES; i++) {
                double c = Math.exp(from + (to - from) * i / (LAW_SAMPLES - 1));
                points.add(new Measurement(c, at(c), Double.NaN));
            }
            return points;
        }
    }
}
