package org.critsweep.fit;

/**
 * The off-critical points used for β, ν_∥ and the λ_N collapse ({@code analysis.tau_window}): |τ|·size ≥
 * {@code minScaledTau} keeps the finite-size crossover out, |τ| ≤ {@code maxTau} the corrections to scaling.
 */
public record TauWindow(double minScaledTau, double maxTau) {

    /** |τ|·size ≥ 10 (outside the finite-size crossover), |τ| ≤ 0.05 (near σ_w,c). */
    public static final TauWindow DEFAULT = new TauWindow(10.0, 0.05);

    public TauWindow {
        if (!(minScaledTau > 0 && maxTau > 0 && Double.isFinite(minScaledTau) && Double.isFinite(maxTau))) {
            throw new IllegalArgumentException("expected two finite numbers > 0, got [" + minScaledTau + ", " + maxTau
                    + "]");
        }
    }
}
