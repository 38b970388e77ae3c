package org.critsweep.theory;

import java.util.function.DoubleUnaryOperator;
import org.critsweep.kernel.Activation;

/**
 * The finite-width Lyapunov exponent to first order in 1/N, λ_N = λ_MF + c/N + O(1/N²), λ_MF = ½ ln χ₁ (PHYSICS.md
 * §5, "The Lyapunov exponent at finite width"). Given the past, the pairs (h_j, u_j) of pre-activation and tangent
 * are iid Gaussian over the N neurons, with the variance G of h fluctuating around q* and a small correlation r of
 * h with u. The per-layer growth ½ ln(|u′|²/|u|²) = ½ ln(σ_w² A) + (a telescoping term), A = Σφ′(h_j)²u_j²/|u|²,
 * and c collects the three O(1/N) pieces of E ln A:
 * <ul>
 *   <li>the sampling noise of A (a ratio of sums of N terms): (1 − 3E[φ′⁴]/E[φ′²]²)/2;</li>
 *   <li>the fluctuation of G around q*: (m′/m) μ + ½(m″/m − (m′/m)²) V, m(q) = E_q[φ′²], with N·Var G = V and
 *       N·(E G − q*) = μ the stationary solution of the G recursion to second order;</li>
 *   <li>the correlation of h and u: R·(E[φ′²h²]/(q* m) − 1), R = N E[r²] at stationarity.</li>
 * </ul>
 * Expectations by {@link GaussianIntegrator}; derivatives in q by central differences of the quadratures.
 */
public final class FiniteWidthLyapunov {

    /** Relative step of the central differences in q: truncation ~1e-6, rounding ~1e-15/1e-6 = 1e-9. */
    private static final double STEP = 1e-3;

    private final MeanField field;
    private final double lambdaMf;
    private final double coefficient;

    private FiniteWidthLyapunov(MeanField field, double lambdaMf, double coefficient) {
        this.field = field;
        this.lambdaMf = lambdaMf;
        this.coefficient = coefficient;
    }

    /**
     * @throws IllegalArgumentException when the point has no stationary state to expand around: no fixed point q*
     *                                  (ReLU/linear with unbounded q), or the G fluctuations or the h–u correlation do
     *                                  not relax (slope χ_∥ ≥ 1 or the correlation's gain ≥ 1)
     */
    public static FiniteWidthLyapunov of(MeanField field) {
        Activation phi = field.moments().phi;
        double w2 = field.sigmaW() * field.sigmaW();
        double q = field.qStar();
        if (!(q > 0.0)) {
            throw new IllegalArgumentException("sigma_b: the 1/N Lyapunov correction needs q* > 0, got q* = " + q);
        }
        DoubleUnaryOperator square = k -> expect(k, x -> sq(phi.value(x)));
        DoubleUnaryOperator slopeSquare = k -> expect(k, x -> sq(phi.derivative(x)));
        double m = slopeSquare.applyAsDouble(q);
        double f = square.applyAsDouble(q);
        double chiParallel = w2 * derivative(square, q);
        double gain = chiParallel * chiParallel;
        double valueSlope = expect(q, x -> phi.value(x) * phi.derivative(x) * x);
        double correlationGain = w2 * sq(valueSlope) / (q * q * m);
        if (gain >= 1.0 || correlationGain >= 1.0) {
            throw new IllegalArgumentException(String.format(java.util.Locale.ROOT, "sigma_w: no stationary finite-width"
                    + " state at sigma_w = %s (chi_parallel^2 = %.4g, correlation gain = %.4g, both must be < 1)",
                    field.sigmaW(), gain, correlationGain));
        }
        double variance = w2 * w2 * (expect(q, x -> sq(sq(phi.value(x)))) - f * f) / (1.0 - gain);
        double shift = 0.5 * w2 * secondDerivative(square, q) * variance / (1.0 - chiParallel);
        double logSlope = derivative(slopeSquare, q) / m;
        double logCurvature = secondDerivative(slopeSquare, q) / m - logSlope * logSlope;
        double sampling = 0.5 * (1.0 - 3.0 * expect(q, x -> sq(sq(phi.derivative(x)))) / (m * m));
        double fluctuation = logSlope * shift + 0.5 * logCurvature * variance;
        double correlation = w2 * expect(q, x -> sq(phi.value(x) * phi.derivative(x))) / (q * m)
                / (1.0 - correlationGain) * (expect(q, x -> sq(phi.derivative(x) * x)) / (q * m) - 1.0);
        return new FiniteWidthLyapunov(field, 0.5 * Math.log(w2 * m), 0.5 * (sampling + fluctuation + correlation));
    }

    /**
     * The slope a of the finite-width critical point σ_w,c(N) = σ_w,c + a/N: the root of λ_MF(σ_w) + c/N, to first
     * order a = −c/λ_MF′(σ_w,c), with λ_MF′ = d(½ ln χ₁)/dσ_w by a central difference (step 1e-4, error ~1e-8).
     *
     * @throws NoCriticalPointException when the activation has no critical point at this σ_b
     */
    public static double rootShift(Activation phi, double sigmaB) {
        double sigmaWc = CriticalLine.sigmaWc(phi, sigmaB);
        double h = 1e-4;
        double slope = (of(MeanField.of(phi, sigmaWc + h, sigmaB)).meanField()
                - of(MeanField.of(phi, sigmaWc - h, sigmaB)).meanField()) / (2.0 * h);
        return -of(MeanField.of(phi, sigmaWc, sigmaB)).coefficient() / slope;
    }

    /** λ_MF = ½ ln χ₁, nats per layer. */
    public double meanField() {
        return lambdaMf;
    }

    /** c in λ_N = λ_MF + c/N. */
    public double coefficient() {
        return coefficient;
    }

    /** λ_MF + c/N. */
    public double at(int width) {
        if (width < 1) {
            throw new IllegalArgumentException("width: expected >= 1, got " + width);
        }
        return lambdaMf + coefficient / width;
    }

    /**
     * The prediction for what the sweep records as λ_N (PHYSICS.md §2): the mean growth over layers 1..depth from
     * inputs of exact length q0, (1/L) Σ_{l<L} ½ ln χ₁(q_l) along the mean-field q_l, plus c/N. The mean-field
     * transient of q is kept (it is O(1/L)); the transients of the O(1/N) terms are O(1/(N L)) and are not.
     */
    public double runningMean(double q0, int depth, int width) {
        if (depth < 1) {
            throw new IllegalArgumentException("depth: expected >= 1, got " + depth);
        }
        double[] q = field.curve(q0, 1.0, depth).q();
        double w2 = field.sigmaW() * field.sigmaW();
        double sum = 0.0;
        for (int l = 0; l < depth; l++) {
            sum += 0.5 * Math.log(w2 * field.moments().slopeSquare(q[l]));
        }
        return sum / depth + at(width) - lambdaMf;
    }

    /** E[g(√q z)] for a standard normal z. */
    private static double expect(double q, DoubleUnaryOperator g) {
        double r = Math.sqrt(q);
        return GaussianIntegrator.forVariance(q).expect(z -> g.applyAsDouble(r * z));
    }

    private static double derivative(DoubleUnaryOperator f, double q) {
        double h = STEP * q;
        return (f.applyAsDouble(q + h) - f.applyAsDouble(q - h)) / (2.0 * h);
    }

    private static double secondDerivative(DoubleUnaryOperator f, double q) {
        double h = STEP * q;
        return (f.applyAsDouble(q + h) - 2.0 * f.applyAsDouble(q) + f.applyAsDouble(q - h)) / (h * h);
    }

    private static double sq(double x) {
        return x * x;
    }
}
