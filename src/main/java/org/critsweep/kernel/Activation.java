package org.critsweep.kernel;

/**
 * A pointwise nonlinearity φ with its first two derivatives (PHYSICS.md §1).
 *
 * <p>Implementations are stateless and cheap; adding an activation is one class plus one constant of
 * {@link ActivationKind}.
 */
public interface Activation {

    /** The name used in campaign files and tables. */
    String name();

    double value(double x);

    double derivative(double x);

    /** φ″(x); zero almost everywhere for piecewise-linear activations. */
    double secondDerivative(double x);

    /** Whether φ is smooth everywhere; false for piecewise-linear activations, whose kinks quadratures must respect. */
    default boolean isSmooth() {
        return true;
    }

    /** Whether φ(−x) = −φ(x): with σ_b = 0 such activations make 1 − c degenerate (PHYSICS.md §2). */
    boolean isOdd();

    /**
     * Writes φ(x_i) and φ′(x_i) for i &lt; n: one call per layer, so an activation can share work between the two.
     */
    default void evaluate(double[] x, double[] value, double[] derivative, int n) {
        for (int i = 0; i < n; i++) {
            value[i] = value(x[i]);
            derivative[i] = derivative(x[i]);
        }
    }

    /**
     * The columns a layer multiplies, in one pass: value = φ(x), slope = φ′(x) and step = (φ(x + s d̃) − φ(x))/s for a
     * difference held as d̃ with scale s ({@code toTrue} = s, {@code toScaled} = 1/s, exact powers of two).
     */
    default void evaluateWithSteps(double[] x, double[] dScaled, double toTrue, double toScaled, double[] value,
                                   double[] slope, double[] step, int n) {
        evaluate(x, value, slope, n);
        for (int i = 0; i < n; i++) {
            step[i] = difference(x[i], dScaled[i] * toTrue, value[i], slope[i]) * toScaled;
        }
    }

    /** {@link #difference(double, double)} given φ(x) and φ′(x) already computed, which some activations reuse. */
    default double difference(double x, double d, double valueAtX, double slopeAtX) {
        return difference(x, d);
    }

    /**
     * φ(x + d) − φ(x) with full relative precision in d, also when |d| is far below the rounding error of x.
     *
     * <p>The default: for |d| ≤ 1/16 it is d times the mean of φ′ over [x, x + d] by 5-point Gauss–Legendre (error
     * ∝ d^10 φ^(10), below 1e-15 relative); for larger |d| the plain subtraction, whose error is relative to |φ(x)|,
     * not to the difference — an activation that saturates (where φ(x + d) − φ(x) ≪ |φ(x)|) overrides this, as
     * tanh and erf do.
     */
    default double difference(double x, double d) {
        if (Math.abs(d) > SMALL_DIFFERENCE) {
            return value(x + d) - value(x);
        }
        double mid = x + 0.5 * d;
        double half = 0.5 * d;
        double sum = 0.0;
        for (int k = 0; k < GAUSS_LEGENDRE_NODES.length; k++) {
            sum += GAUSS_LEGENDRE_WEIGHTS[k] * derivative(mid + half * GAUSS_LEGENDRE_NODES[k]);
        }
        return half * sum;
    }

    double SMALL_DIFFERENCE = 0.0625;

    /** Nodes and weights of 5-point Gauss–Legendre quadrature on [−1, 1] (Abramowitz & Stegun 25.4.30). */
    double[] GAUSS_LEGENDRE_NODES = {
        -0.9061798459386640, -0.5384693101056831, 0.0, 0.5384693101056831, 0.9061798459386640};
    double[] GAUSS_LEGENDRE_WEIGHTS = {
        0.2369268850561891, 0.4786286704993665, 0.5688888888888889, 0.4786286704993665, 0.2369268850561891};
}
