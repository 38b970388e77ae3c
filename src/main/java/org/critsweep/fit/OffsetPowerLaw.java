package org.critsweep.fit;

import java.util.List;
import java.util.Optional;

/**
 * The critical decay ρ = A (l + l0)^−δ (PHYSICS.md §7), fitted as ln ρ = ln A − δ ln(l + l0) by weighted nonlinear
 * least squares with σ(ln ρ) = σ(ρ)/ρ. The offset l0 absorbs the leading correction to scaling: the mean-field
 * curve is 1/(κ(l + l0)), on which a bare power law (l0 = 0) over a short window reads δ ≈ 0.7–0.9 instead of 1.
 */
public final class OffsetPowerLaw {

    public static final String QUANTITY = "delta";
    public static final String METHOD = "wls_offset_power_law";
    public static final String BARE_METHOD = "wls_bare_power_law";

    /** Offsets tried, as multiples of the window's first layer, to start the nonlinear fit near its optimum. */
    private static final double[] OFFSET_GRID = {-0.9, -0.5, 0.0, 0.5, 1, 2, 4, 8, 16, 32};

    /**
     * @param amplitude  A
     * @param delta      δ, with {@code fit} holding its error and the window
     * @param offset     l0 (0 for the bare form)
     */
    public record Solution(double amplitude, double delta, double offset, FitResult fit) {
    }

    private OffsetPowerLaw() {
    }

    /** The offset form; empty with fewer than four usable layers or when the fit does not converge. */
    public static Optional<Solution> fit(List<Measurement> curve, double fromLayer, double toLayer) {
        List<Measurement> usable = DecayWindow.usable(curve, fromLayer, toLayer);
        if (usable.size() < 4) {
            return Optional.empty();
        }
        LogCurve data = LogCurve.of(usable);
        double start = bestOffsetOnGrid(data, usable.get(0).x());
        double[] straight = data.straightLine(start);
        return WeightedLeastSquares.fit(data.layers, data.lnRho, data.sigma, (l, p, gradient) -> {
            double shifted = Math.max(l + p[2], Double.MIN_NORMAL);
            gradient[0] = 1.0;
            gradient[1] = -Math.log(shifted);
            gradient[2] = -p[1] / shifted;
            return p[0] - p[1] * Math.log(shifted);
        }, new double[] {straight[0], straight[1], start}).filter(s -> usable.get(0).x() + s.parameters()[2] > 0.0)
                .map(s -> solution(s, METHOD, usable));
    }

    /** The bare form ρ = A l^−δ (l0 = 0), kept to show what the offset corrects; empty below three layers. */
    public static Optional<Solution> fitBare(List<Measurement> curve, double fromLayer, double toLayer) {
        List<Measurement> usable = DecayWindow.usable(curve, Math.max(fromLayer, 1), toLayer);
        if (usable.size() < 3) {
            return Optional.empty();
        }
        LogCurve data = LogCurve.of(usable);
        double[] straight = data.straightLine(0.0);
        return WeightedLeastSquares.fit(data.layers, data.lnRho, data.sigma, (l, p, gradient) -> {
            gradient[0] = 1.0;
            gradient[1] = -Math.log(l);
            return p[0] - p[1] * Math.log(l);
        }, straight).map(s -> solution(s, BARE_METHOD, usable));
    }

    private static Solution solution(WeightedLeastSquares.Solution s, String method, List<Measurement> used) {
        double[] p = s.parameters();
        double offset = p.length > 2 ? p[2] : 0.0;
        return new Solution(Math.exp(p[0]), p[1], offset, new FitResult(QUANTITY, p[1], s.stderr()[1], method,
                DecayWindow.describe(used) + ", l0 = " + String.format(java.util.Locale.ROOT, "%.3g", offset),
                s.chi2PerDof(), used.size()));
    }

    private static double bestOffsetOnGrid(LogCurve data, double firstLayer) {
        double best = 0.0;
        double bestChi2 = Double.POSITIVE_INFINITY;
        for (double multiple : OFFSET_GRID) {
            double offset = multiple * Math.max(firstLayer, 1.0);
            double chi2 = data.straightLineChi2(offset);
            if (chi2 < bestChi2) {
                bestChi2 = chi2;
                best = offset;
            }
        }
        return best;
    }

    /** ln ρ against the layer, with σ(ln ρ), and the closed-form straight-line fit in ln(l + l0). */
    private record LogCurve(double[] layers, double[] lnRho, double[] sigma) {

        static LogCurve of(List<Measurement> usable) {
            int n = usable.size();
            double[] layers = new double[n];
            double[] lnRho = new double[n];
            double[] sigma = new double[n];
            for (int i = 0; i < n; i++) {
                Measurement m = usable.get(i);
                layers[i] = m.x();
                lnRho[i] = Math.log(m.value());
                sigma[i] = m.stderr() / m.value();
            }
            return new LogCurve(layers, lnRho, sigma);
        }

        /** (ln A, δ) of the weighted straight line ln ρ = ln A − δ ln(l + l0). */
        double[] straightLine(double offset) {
            double sw = 0;
            double sx = 0;
            double sy = 0;
            double sxx = 0;
            double sxy = 0;
            for (int i = 0; i < layers.length; i++) {
                double w = 1.0 / (sigma[i] * sigma[i]);
                double x = Math.log(layers[i] + offset);
                sw += w;
                sx += w * x;
                sy += w * lnRho[i];
                sxx += w * x * x;
                sxy += w * x * lnRho[i];
            }
            double slope = (sw * sxy - sx * sy) / (sw * sxx - sx * sx);
            return new double[] {(sy - slope * sx) / sw, -slope};
        }

        double straightLineChi2(double offset) {
            double[] line = straightLine(offset);
            double chi2 = 0;
            for (int i = 0; i < layers.length; i++) {
                double r = (lnRho[i] - line[0] + line[1] * Math.log(layers[i] + offset)) / sigma[i];
                chi2 += r * r;
            }
            return Double.isFinite(chi2) ? chi2 : Double.POSITIVE_INFINITY;
        }
    }
}
