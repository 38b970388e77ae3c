package org.critsweep.fit;

import java.util.List;
import java.util.Optional;

/**
 * The mean-field critical decay 1/ρ = κ l + b (PHYSICS.md §4: ρ_l = 1/(κ(l + l0)), δ = 1), fitted by weighted least
 * squares on 1/ρ with σ(1/ρ) = σ(ρ)/ρ².
 */
public final class CriticalDecayFit {

    public static final String QUANTITY = "kappa";
    public static final String METHOD = "wls_inverse_rho";

    private CriticalDecayFit() {
    }

    /**
     * @param curve ρ per layer (x = layer), with standard errors; points with a non-finite or zero error, or ρ ≤ 0,
     *              cannot be weighted and are skipped
     * @param fromLayer first layer of the window
     * @param toLayer   last layer of the window
     * @return κ, or empty with fewer than three usable layers in the window
     */
    /**
     * κ as this fit reads it from a reference curve — the mean-field ρ_l — at the layers and relative errors of a
     * measured curve on {@code window}. The O(ε) terms of the recursion make 1/ρ bend, so the fitted κ of even the
     * exact mean-field curve lies below the metric factor on a short window (tanh, σ_b = 0.3: 0.220 on [10, 62],
     * 0.228 on [10, 512], against 0.2335); a measured κ is compared with this, the metric factor it would read
     * without finite-width effects.
     *
     * @param referenceRho ρ_l of the reference for l = 0 … at least the window's last layer
     * @param measured     the measured curve whose layers and relative errors weigh the fit
     */
    public static Optional<FitResult> onReference(double[] referenceRho, List<Measurement> measured,
                                                  LayerWindow window) {
        List<Measurement> reference = DecayWindow.usable(measured, window.from(), window.to()).stream()
                .filter(m -> m.x() < referenceRho.length)
                .map(m -> {
                    double rho = referenceRho[(int) m.x()];
                    return new Measurement(m.x(), rho, m.stderr() / m.value() * rho);
                }).toList();
        return fit(reference, window.from(), window.to());
    }

    public static Optional<FitResult> fit(List<Measurement> curve, int fromLayer, int toLayer) {
        List<Measurement> usable = DecayWindow.usable(curve, fromLayer, toLayer);
        int n = usable.size();
        if (n < 3) {
            return Optional.empty();
        }
        double[] layers = new double[n];
        double[] inverse = new double[n];
        double[] sigma = new double[n];
        for (int i = 0; i < n; i++) {
            Measurement m = usable.get(i);
            layers[i] = m.x();
            inverse[i] = 1.0 / m.value();
            sigma[i] = m.stderr() / (m.value() * m.value());
        }
        double slope = (inverse[n - 1] - inverse[0]) / (layers[n - 1] - layers[0]);
        return WeightedLeastSquares.fit(layers, inverse, sigma, (l, p, gradient) -> {
            gradient[0] = l;
            gradient[1] = 1.0;
            return p[0] * l + p[1];
        }, new double[] {slope, inverse[0]}).map(s -> new FitResult(QUANTITY, s.parameters()[0], s.stderr()[0], METHOD,
                DecayWindow.describe(usable), s.chi2PerDof(), n));
    }
}
