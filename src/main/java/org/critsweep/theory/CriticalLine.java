package org.critsweep.theory;

import org.apache.commons.math3.analysis.UnivariateFunction;
import org.apache.commons.math3.analysis.solvers.BrentSolver;
import org.critsweep.kernel.Activation;

/**
 * The order-to-chaos line σ_w,c(σ_b), where χ₁ = σ_w² E[φ′(√q* z)²] = 1 (PHYSICS.md §4), by Brent's method on a
 * bracket found by doubling. ReLU and the linear network have no line: their only critical point is σ_b = 0 with
 * σ_w² = 2 (ReLU) or σ_w = 1 (linear), where q* is marginal.
 */
public final class CriticalLine {

    private static final double LOWEST = 1e-3;
    private static final double HIGHEST = 1e3;

    private CriticalLine() {
    }

    /**
     * @throws NoCriticalPointException when χ₁ = 1 has no solution at this σ_b (the message names sigma_b)
     */
    public static double sigmaWc(Activation phi, double sigmaB) {
        if (!(sigmaB >= 0.0) || Double.isInfinite(sigmaB)) {
            throw new IllegalArgumentException("sigma_b: expected a finite value >= 0, got " + sigmaB);
        }
        if (phi.name().equals("relu") || phi.name().equals("linear")) {
            double special = phi.name().equals("relu") ? Math.sqrt(2.0) : 1.0;
            if (sigmaB > 0.0) {
                throw new NoCriticalPointException("sigma_b: " + phi.name() + " has no critical point at sigma_b = "
                        + sigmaB + "; its only critical point is sigma_b = 0, sigma_w = " + special
                        + " (q* is marginal there, not a line)");
            }
            return special;
        }
        UnivariateFunction excess = sigmaW -> MeanField.of(phi, sigmaW, sigmaB).chi1() - 1.0;
        double low = 0.5;
        double high = 2.0;
        while (excess.value(low) > 0.0 && low > LOWEST) {
            low /= 2.0;
        }
        while (excess.value(high) < 0.0 && high < HIGHEST) {
            high *= 2.0;
        }
        if (excess.value(low) > 0.0 || excess.value(high) < 0.0) {
            throw new NoCriticalPointException("sigma_b: chi1 = 1 has no solution for " + phi.name() + " at sigma_b = "
                    + sigmaB + " with sigma_w in [" + LOWEST + ", " + HIGHEST + "]");
        }
        return new BrentSolver(1e-15, 1e-15).solve(10_000, excess, low, high);
    }
}
