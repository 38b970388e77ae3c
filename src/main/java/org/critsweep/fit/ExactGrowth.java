package org.critsweep.fit;

/**
 * The exact growth of Var ln G with x = l/n at one width, where the network is solvable (PHYSICS.md §5, ReLU and
 * linear at σ_b = 0): Var ln G = offset + slope · x. The theory supplies it to the fit (fit does not import theory).
 *
 * @param offset Var ln G⁰
 * @param slope  n Var ln R
 * @param limit  the slope as n → ∞: n Var R (5 for ReLU, 2 for linear)
 */
public record ExactGrowth(double offset, double slope, double limit) {

    public ExactGrowth {
        if (!(offset >= 0.0 && slope > 0.0 && limit > 0.0) || !Double.isFinite(offset + slope + limit)) {
            throw new IllegalArgumentException("exact growth of Var ln G: offset >= 0, slope and limit > 0, got "
                    + offset + ", " + slope + ", " + limit);
        }
    }

    /** Var ln G at x = l/n. */
    public double at(double x) {
        return offset + slope * x;
    }
}
