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
