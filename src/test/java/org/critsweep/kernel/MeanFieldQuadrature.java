package org.critsweep.kernel;

import java.util.function.DoubleUnaryOperator;

/**
 * Infinite-width maps of PHYSICS.md §4, computed independently of the code under test by a plain trapezoid rule on
 * |z| ≤ 12 with step 0.004, which reaches ~1e-13 for tanh (PHYSICS.md §4) (test helper).
 */
final class MeanFieldQuadrature {

    private static final double HALF_RANGE = 12.0;
    private static final double STEP = 0.004;
    private static final int POINTS = (int) Math.round(2 * HALF_RANGE / STEP);

    private MeanFieldQuadrature() {
    }

    /** E[f(z)], z ~ N(0, 1). */
    static double gaussianExpectation(DoubleUnaryOperator f) {
        double sum = 0.0;
        for (int k = 0; k <= POINTS; k++) {
            double z = -HALF_RANGE + k * STEP;
            double weight = (k == 0 || k == POINTS) ? 0.5 : 1.0;
            sum += weight * f.applyAsDouble(z) * Math.exp(-0.5 * z * z);
        }
        return sum * STEP / Math.sqrt(2.0 * Math.PI);
    }

    /** The q-map q′ = σ_w² E[φ(√q z)²] + σ_b². */
    static double nextQ(DoubleUnaryOperator phi, double sigmaW, double sigmaB, double q) {
        double root = Math.sqrt(q);
        return sigmaW * sigmaW * gaussianExpectation(z -> square(phi.applyAsDouble(root * z))) + sigmaB * sigmaB;
    }

    /** χ₁(q) = σ_w² E[φ′(√q z)²]. */
    static double chi1(DoubleUnaryOperator phiPrime, double sigmaW, double q) {
        double root = Math.sqrt(q);
        return sigmaW * sigmaW * gaussianExpectation(z -> square(phiPrime.applyAsDouble(root * z)));
    }

    /** q* by iterating the q-map from q = 1 until it stops moving (it contracts for the points used in tests). */
    static double fixedPointQ(DoubleUnaryOperator phi, double sigmaW, double sigmaB) {
        double q = 1.0;
        for (int i = 0; i < 10_000; i++) {
            double next = nextQ(phi, sigmaW, sigmaB, q);
            if (Math.abs(next - q) <= 1e-15 * next) {
                return next;
            }
            q = next;
        }
        throw new AssertionError("q-map did not converge at sigma_w=" + sigmaW + ", sigma_b=" + sigmaB);
    }

    /** tanh′ = sech², written independently of the activation under test. */
    static double tanhPrime(double x) {
        return square(1.0 / Math.cosh(x));
    }

    private static double square(double x) {
        return x * x;
    }
}
