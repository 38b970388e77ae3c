package org.critsweep.theory;

import org.apache.commons.math3.analysis.UnivariateFunction;
import org.apache.commons.math3.analysis.solvers.BrentSolver;
import org.critsweep.kernel.Activation;

/**
 * Mean-field (infinite-width) signal propagation for one activation and (σ_w, σ_b) (PHYSICS.md §4; Poole et al. 2016,
 * Schoenholz et al. 2017): the q-map and its fixed point, the c-map in the stable form
 * 1 − f(c) = σ_w² E[(φ(u1) − φ(u2))²]/(2q′), the susceptibilities, depth scales and κ, and the curves q_l, ρ_l.
 */
public final class MeanField {

    private static final int MAX_EVALUATIONS = 10_000;
    /** Below this ε the c-map is used in its linear form χ ε q/q′; the neglected term is relatively O(ε). */
    private static final double LINEAR_EPSILON = 1e-13;

    private final Activation phi;
    private final double sigmaW;
    private final double sigmaB;
    private final GaussianMoments moments;
    private double qStar = Double.NaN;

    private MeanField(Activation phi, double sigmaW, double sigmaB) {
        this.phi = phi;
        this.sigmaW = sigmaW;
        this.sigmaB = sigmaB;
        this.moments = GaussianMoments.of(phi);
    }

    /**
     * @throws IllegalArgumentException naming sigma_w or sigma_b when σ_w ≤ 0 or σ_b &lt; 0
     */
    public static MeanField of(Activation phi, double sigmaW, double sigmaB) {
        if (!(sigmaW > 0.0) || Double.isInfinite(sigmaW)) {
            throw new IllegalArgumentException("sigma_w: expected a finite value > 0, got " + sigmaW);
        }
        if (!(sigmaB >= 0.0) || Double.isInfinite(sigmaB)) {
            throw new IllegalArgumentException("sigma_b: expected a finite value >= 0, got " + sigmaB);
        }
        return new MeanField(phi, sigmaW, sigmaB);
    }

    /** q′ = σ_w² E[φ(√q z)²] + σ_b². */
    public double qMap(double q) {
        return sigmaW * sigmaW * moments.square(q) + sigmaB * sigmaB;
    }

    /**
     * ε′ = 1 − c′ from (q, ε) at one layer: σ_w² E[(φ(u1) − φ(u2))²]/(2 q′), exact as ε → 0.
     */
    public double epsilonMap(double q, double epsilon) {
        if (epsilon == 0.0) {
            return 0.0;
        }
        double next = qMap(q);
        if (epsilon < LINEAR_EPSILON) {
            return sigmaW * sigmaW * q * moments.slopeSquare(q) * epsilon / next;
        }
        return sigmaW * sigmaW * moments.differenceSquare(q, epsilon) / (2.0 * next);
    }

    /**
     * The fixed point q* of the q-map: 0 for σ_b = 0 when the origin is stable, otherwise the root of q′(q) − q.
     *
     * @throws IllegalArgumentException when q grows without bound (ReLU at σ_w² ≥ 2 or linear at σ_w ≥ 1 with σ_b > 0)
     */
    public double qStar() {
        if (Double.isNaN(qStar)) {
            qStar = solveQStar();
        }
        return qStar;
    }

    private double solveQStar() {
        double slopeAtOrigin = sigmaW * sigmaW * phi.derivative(0.0) * phi.derivative(0.0);
        if (sigmaB == 0.0 && phi.value(0.0) == 0.0 && slopeAtOrigin <= 1.0 && !unbounded()) {
            return 0.0;
        }
        if (unbounded()) {
            double gain = sigmaW * sigmaW * moments.square(1.0);
            if (gain >= 1.0) {
                throw new IllegalArgumentException("sigma_w: q grows without bound for " + phi.name() + " at sigma_w = "
                        + sigmaW + " (needs sigma_w^2 * E[phi(z)^2] < 1, i.e. sigma_w < " + Math.sqrt(1.0 / moments.square(1.0)) + ")");
            }
            return sigmaB * sigmaB / (1.0 - gain);
        }
        UnivariateFunction excess = q -> qMap(q) - q;
        double low = sigmaB == 0.0 ? 1e-12 : sigmaB * sigmaB;
        double high = Math.max(2.0 * low, qMap(low) + 1.0);
        while (excess.value(high) > 0.0) {
            high *= 2.0;
        }
        return new BrentSolver(1e-15, 1e-300).solve(MAX_EVALUATIONS, excess, low, high);
    }

    /** ReLU and linear grow without bound: q′ is linear in q. */
    private boolean unbounded() {
        return phi.name().equals("relu") || phi.name().equals("linear");
    }

    /** χ₁ = σ_w² E[φ′(√q* z)²]. */
    public double chi1() {
        return sigmaW * sigmaW * moments.slopeSquare(qStar());
    }

    /** All quantities of PHYSICS.md §4 at this point. */
    public MeanFieldPoint point() {
        double q = qStar();
        double chi1 = chi1();
        Phase phase = Phase.of(chi1);
        double chiQ = chi1 + sigmaW * sigmaW * moments.valueTimesCurvature(q);
        double cStar = phase == Phase.CHAOTIC ? 1.0 - epsilonStar(q, chi1) : 1.0;
        double chiC = sigmaW * sigmaW * moments.slopeProduct(q, cStar);
        double kappa = 0.5 * sigmaW * sigmaW * q * moments.curvatureSquare(q);
        return new MeanFieldPoint(phi.name(), sigmaW, sigmaB, q, chi1, chiQ, cStar, chiC, depthScale(chiQ),
                depthScale(chiC), kappa, phase);
    }

    /** −1/ln χ: the depth over which deviations decay by e; ∞ where χ = 1. */
    private static double depthScale(double chi) {
        return -1.0 / Math.log(chi);
    }

    /**
     * ε* > 0 of the chaotic phase, as the root in t = ln ε of ε′(ε)/ε − 1, which tends to χ₁ − 1 > 0 as ε → 0 and is
     * negative at c = 0 when σ_b > 0 (or φ is not odd). With σ_b = 0 and odd φ, c = 0 is itself the fixed point.
     */
    private double epsilonStar(double q, double chi1) {
        UnivariateFunction growth = t -> {
            double epsilon = Math.exp(t);
            return epsilonMap(q, epsilon) / epsilon - 1.0;
        };
        if (growth.value(0.0) >= 0.0) {
            return 1.0;
        }
        return Math.exp(new BrentSolver(1e-14, 1e-14).solve(MAX_EVALUATIONS, growth, Math.log(1e-300), 0.0));
    }

    /** q_l and ρ_l for l = 0..depth from inputs with q0 and correlation c0. */
    public MeanFieldCurve curve(double q0, double c0, int depth) {
        if (!(q0 > 0.0)) {
            throw new IllegalArgumentException("q0: expected > 0, got " + q0);
        }
        if (!(c0 >= -1.0 && c0 <= 1.0)) {
            throw new IllegalArgumentException("c0: expected a value in [-1, 1], got " + c0);
        }
        if (depth < 0) {
            throw new IllegalArgumentException("depth: expected >= 0, got " + depth);
        }
        double[] q = new double[depth + 1];
        double[] rho = new double[depth + 1];
        q[0] = q0;
        rho[0] = 1.0 - c0;
        for (int l = 0; l < depth; l++) {
            rho[l + 1] = epsilonMap(q[l], rho[l]);
            q[l + 1] = qMap(q[l]);
        }
        return new MeanFieldCurve(q, rho);
    }

    public double sigmaW() {
        return sigmaW;
    }

    public double sigmaB() {
        return sigmaB;
    }

    GaussianMoments moments() {
        return moments;
    }
}
