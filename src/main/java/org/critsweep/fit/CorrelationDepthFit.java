package org.critsweep.fit;

import java.util.List;
import java.util.Optional;

/**
 * The correlation depth ξ_∥ of one ρ(l) curve off the critical point: ρ(l) = ρ∞ + A exp(−(l − l₀)/ξ), with l₀ the
 * first layer of the window, fitted by weighted nonlinear least squares (Levenberg–Marquardt). One form serves both
 * phases: ordered, ρ∞ ≈ 0 and A > 0; chaotic, ρ∞ = ρ* approached from above (A > 0) or below (A < 0). ξ is fitted
 * as ln ξ so that it stays positive while the optimiser searches; its error, ξ·σ_ln ξ, is the covariance of the
 * weighted fit inflated by √(χ²/dof) when the scatter exceeds the stated errors (never deflated).
 */
public final class CorrelationDepthFit {

    public static final String QUANTITY = "xi_par";
    public static final String METHOD = "wls_exponential_approach";

    /** Three parameters and at least one degree of freedom for χ². */
    private static final int MIN_POINTS = 4;
    /** The starting ξ comes from the layers still at least this fraction of the first layer's distance to the end. */
    private static final double START_DECAY_FRACTION = 0.1;

    private CorrelationDepthFit() {
    }

    /**
     * @param curve     ρ per layer (x = layer), with standard errors; points with a non-finite or non-positive error
     *                  cannot be weighted and are skipped
     * @param fromLayer first layer of the window
     * @param toLayer   last layer of the window
     * @return ξ_∥, or empty with fewer than four usable layers, or when the fit does not converge to a finite ξ with a
     *         finite error (a flat curve, or a decay far longer than the window)
     */
    public static Optional<FitResult> fit(List<Measurement> curve, int fromLayer, int toLayer) {
        List<Measurement> usable = curve.stream()
                .filter(m -> m.x() >= fromLayer && m.x() <= toLayer)
                .filter(m -> Double.isFinite(m.stderr()) && m.stderr() > 0.0)
                .sorted((a, b) -> Double.compare(a.x(), b.x()))
                .toList();
        int n = usable.size();
        if (n < MIN_POINTS) {
            return Optional.empty();
        }
        double firstLayer = usable.get(0).x();
        double[] depth = new double[n];
        double[] rho = new double[n];
        double[] sigma = new double[n];
        for (int i = 0; i < n; i++) {
            Measurement m = usable.get(i);
            depth[i] = m.x() - firstLayer;
            rho[i] = m.value();
            sigma[i] = m.stderr();
        }
        String window = "layer in [" + (long) firstLayer + ", " + (long) usable.get(n - 1).x() + "]";
        // θ = (ρ∞, A, ln ξ); ρ = ρ∞ + A e^{−d/ξ} with d = l − l₀; ∂/∂ln ξ = ξ ∂/∂ξ = A e^{−d/ξ} d/ξ
        return WeightedLeastSquares.fit(depth, rho, sigma, (d, p, gradient) -> {
            double xi = Math.exp(p[2]);
            double decay = Math.exp(-d / xi);
            gradient[0] = 1.0;
            gradient[1] = decay;
            gradient[2] = p[1] * decay * d / xi;
            return p[0] + p[1] * decay;
        }, startingValues(depth, rho)).flatMap(s -> {
            double xi = Math.exp(s.parameters()[2]);
            double stderr = xi * s.stderr()[2];
            return Double.isFinite(xi) && Double.isFinite(stderr)
                    ? Optional.of(new FitResult(QUANTITY, xi, stderr, METHOD, window, s.chi2PerDof(), n))
                    : Optional.empty();
        });
    }

    /**
     * ρ∞ from the last layer, A from the first, and ξ from the slope of ln |ρ − ρ_last| against depth over the layers
     * still clearly away from the last one; a third of the window when that slope is not a decay.
     */
    private static double[] startingValues(double[] depth, double[] rho) {
        int last = rho.length - 1;
        double plateau = rho[last];
        double firstDistance = Math.abs(rho[0] - plateau);
        double sumX = 0.0;
        double sumY = 0.0;
        double sumXx = 0.0;
        double sumXy = 0.0;
        int count = 0;
        for (int i = 0; i < last; i++) {
            double distance = Math.abs(rho[i] - plateau);
            if (distance > START_DECAY_FRACTION * firstDistance) {
                double logDistance = Math.log(distance);
                sumX += depth[i];
                sumY += logDistance;
                sumXx += depth[i] * depth[i];
                sumXy += depth[i] * logDistance;
                count++;
            }
        }
        double slope = (count * sumXy - sumX * sumY) / (count * sumXx - sumX * sumX);
        double xi = slope < 0.0 ? -1.0 / slope : depth[last] / 3.0;
        return new double[] {plateau, rho[0] - plateau, Math.log(xi)};
    }
}
