package org.critsweep.kernel;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.critsweep.theory.ExactFiniteWidth;
import org.junit.jupiter.api.Test;

/**
 * {@link ExactFiniteWidth}'s digamma/trigamma/Beta forms (PHYSICS.md §5) against direct sampling of their
 * definitions, with no kernel in between: the one-layer factor R = σ_w²Σ_i φ(z_i)²/n from n standard normals, and the
 * first layer's G⁰/(σ_w² q0) = Σ_i φ(z_i)²/Σ_i z_i² (a uniform direction on the sphere is z/|z|).
 *
 * <p>Each assertion is a z-test with |z| < 3.9 (a correct law fails it with probability ≈ 1e-4; 200 000 draws make
 * the estimators normal to well within that). Power, from the standard errors these draws give: relative to
 * E[R²]/E[R]² − 1, E[G⁰²]/E[G⁰]² − 1 and every Var ln, the standard errors are 0.3–0.9 %, so a 5 % error in any of
 * them is at least 5.8 standard errors (detected with probability > 0.9); the Gaussian start the recursion used to
 * assume (E[G⁰²]/E[G⁰]² = 1 + 5/n) is more than 100 standard errors from the sphere's 1 + 3/(n + 2).
 */
class ExactFiniteWidthSamplingTest {

    private static final long SEED = 0x17_0002L;
    private static final int DRAWS = 200_000;
    private static final double Z_MAX = 3.9;

    @Test
    void reluLayerFactorHasTheBinomialChiSquaredLaw() {
        for (int n : new int[] {5, 16, 64}) {
            ExactFiniteWidth law = ExactFiniteWidth.of(ActivationKind.RELU, 1.3, 0.0, 0.7, n).orElseThrow();
            double[] r = factors(n, 1.3, true, n);
            assertZ(Moments.secondMomentRatio(r), law.rSecondMomentRatio(), "E[R²]/E[R]² at n = " + n);
            double[] logs = positiveLogs(r);
            assertZ(Moments.mean(logs), law.lnRMean(), "E ln R at n = " + n);
            assertZ(Moments.variance(logs), law.lnRVariance(), "Var ln R at n = " + n);
        }
    }

    @Test
    void linearLayerFactorHasTheChiSquaredLaw() {
        for (int n : new int[] {3, 16, 64}) {
            ExactFiniteWidth law = ExactFiniteWidth.of(ActivationKind.LINEAR, 0.8, 0.0, 1.1, n).orElseThrow();
            double[] r = factors(n, 0.8, false, 100 + n);
            assertZ(Moments.secondMomentRatio(r), law.rSecondMomentRatio(), "E[R²]/E[R]² at n = " + n);
            double[] logs = positiveLogs(r);
            assertZ(Moments.mean(logs), law.lnRMean(), "E ln R at n = " + n);
            assertZ(Moments.variance(logs), law.lnRVariance(), "Var ln R at n = " + n);
        }
    }

    /**
     * The slope of Var ln G in l/n, n Var ln R (the fit stage's ln_g_var_slope_exact), against n times the sampled
     * Var ln R at n = 16 (ReLU 6.71, linear 2.13); its n → ∞ limit is n Var R = 5 and 2 (Var of (2/n)χ²_K and of
     * χ²_n/n), which the slope at n = 4096 approaches within its ≈ 17/n and 2/n corrections.
     */
    @Test
    void logVarianceSlopeIsNTimesTheSampledVarLnR() {
        int n = 16;
        for (ActivationKind kind : new ActivationKind[] {ActivationKind.RELU, ActivationKind.LINEAR}) {
            boolean relu = kind == ActivationKind.RELU;
            ExactFiniteWidth law = ExactFiniteWidth.of(kind, 1.0, 0.0, 1.0, n).orElseThrow();
            Estimate sampled = Moments.variance(positiveLogs(factors(n, 1.0, relu, 300 + (relu ? 1 : 0))));
            assertZ(sampled, law.lnGVarianceSlope() / n, kind + ": n Var ln R / n at n = " + n);
            double limit = relu ? 5.0 : 2.0;
            assertTrue(Math.abs(law.lnGVarianceSlopeLimit() - limit) < 1e-12, kind + " limit");
            double far = ExactFiniteWidth.of(kind, 1.0, 0.0, 1.0, 4096).orElseThrow().lnGVarianceSlope();
            assertTrue(far > limit && far < limit + 20.0 / 4096, kind + ": slope at n = 4096 is " + far);
        }
    }

    /** The sphere's first layer: not the Gaussian 5/n but 3/(n + 2) (0.167 against 0.3125 at n = 16). */
    @Test
    void reluFirstLayerOnTheSphereHasTheBetaLaw() {
        for (int n : new int[] {4, 16, 64}) {
            double q0 = 0.7;
            double sigmaW = 1.3;
            ExactFiniteWidth law = ExactFiniteWidth.of(ActivationKind.RELU, sigmaW, 0.0, q0, n).orElseThrow();
            NormalStream random = ReplicaStreams.of(SEED, 200 + n, 0);
            double[] z = new double[n];
            double[] g0 = new double[DRAWS];
            for (int k = 0; k < DRAWS; k++) {
                random.fill(z, 0, n);
                g0[k] = sigmaW * sigmaW * q0 * positiveSquares(z) / Vectors.dot(z, z);
            }
            Estimate ratio = Moments.secondMomentRatio(g0);
            assertZ(ratio, 1.0 + law.g0RelativeVariance(), "E[G0²]/E[G0]² at n = " + n);
            assertTrue(Math.abs(ratio.z(1.0 + 5.0 / n)) > 10.0, "the Gaussian start is rejected: " + ratio);
            double[] logs = positiveLogs(g0);
            assertZ(Moments.mean(logs), law.lnGMean(0), "E ln G0 at n = " + n);
            assertZ(Moments.variance(logs), law.lnGVariance(0), "Var ln G0 at n = " + n);
        }
    }

    /** DRAWS factors σ_w² Σ φ(z_i)²/n, φ = ReLU or identity, from the stream (SEED, purpose). */
    private static double[] factors(int n, double sigmaW, boolean relu, long purpose) {
        NormalStream random = ReplicaStreams.of(SEED, purpose, 0);
        double[] z = new double[n];
        double[] r = new double[DRAWS];
        for (int k = 0; k < DRAWS; k++) {
            random.fill(z, 0, n);
            r[k] = sigmaW * sigmaW * (relu ? positiveSquares(z) : Vectors.dot(z, z)) / n;
        }
        return r;
    }

    private static double positiveSquares(double[] z) {
        double s = 0.0;
        for (double v : z) {
            s += v > 0.0 ? v * v : 0.0;
        }
        return s;
    }

    /** ln x over the positive draws: the law's logarithmic moments are conditioned on K ≥ 1. */
    private static double[] positiveLogs(double[] x) {
        List<Double> logs = new ArrayList<>(x.length);
        for (double v : x) {
            if (v > 0.0) {
                logs.add(Math.log(v));
            }
        }
        return logs.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static void assertZ(Estimate estimate, double expected, String what) {
        assertTrue(Math.abs(estimate.z(expected)) < Z_MAX, what + " = " + estimate + ", expected " + expected);
    }
}
