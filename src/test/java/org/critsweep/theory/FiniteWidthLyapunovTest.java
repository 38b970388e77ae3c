package org.critsweep.theory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.critsweep.kernel.Activation;
import org.critsweep.kernel.ActivationKind;
import org.critsweep.kernel.MlpPropagator;
import org.critsweep.kernel.NetworkSpec;
import org.critsweep.kernel.ReplicaStreams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** λ_N = ½ ln χ₁ + c/N (PHYSICS.md §5) against exact laws and a Monte-Carlo of the Gram sampler. */
class FiniteWidthLyapunovTest {

    private static final Activation TANH = ActivationKind.TANH.activation();
    private static final double SIGMA_B = 0.3;

    /**
     * Linear: the growth is ½ ln(σ_w² χ²_N/N) exactly, E = ½(ln σ_w² + ψ(N/2) + ln(2/N)) = ½ ln σ_w² − 1/(2N) + O(N⁻²).
     */
    @Test
    void linearNetworkLosesOneOverTwoNPerLayer() {
        FiniteWidthLyapunov linear = FiniteWidthLyapunov.of(MeanField.of(ActivationKind.LINEAR.activation(), 0.8, SIGMA_B));
        assertEquals(Math.log(0.8), linear.meanField(), 1e-14);
        assertEquals(-0.5, linear.coefficient(), 1e-8);
    }

    /**
     * ReLU: only the K ~ Bin(N, ½) live neurons carry the tangent, so the growth is ½ ln(σ_w² χ²_K/N) up to a
     * telescoping term, E = ½(ln σ_w² + ln(2/N) + E_K ψ(K/2)) = ½ ln(σ_w²/2) − 5/(4N) + O(N⁻²) (ψ(x) ≈ ln x − 1/(2x),
     * ψ″ ≈ −1/x², Var(K/2) = N/16). The slope E[φ′²] = ½ does not depend on q, so G's fluctuations drop out.
     */
    @Test
    void reluNetworkLosesFiveOverFourNPerLayer() {
        FiniteWidthLyapunov relu = FiniteWidthLyapunov.of(MeanField.of(ActivationKind.RELU.activation(), 1.2, SIGMA_B));
        assertEquals(0.5 * Math.log(0.72), relu.meanField(), 1e-14);
        assertEquals(-1.25, relu.coefficient(), 1e-8);
    }

    /**
     * Monte-Carlo of the exact Gram sampler: N(λ_N − λ_MF) over layers 30..300 (past the transients of q, Var G and
     * the h–u correlation, which relax by ≤ 0.5 per layer) and 256 replicas, against c. Allowed: 4 standard errors
     * (P ≈ 6e-5 per case) plus 2/N for the O(1/N²) term (|N(λ_N − λ_MF) − c| ≤ 0.05 at N = 32 in a scout run). The
     * SE of N λ_N is ≈ 0.03 at N = 64 and 0.06 at N = 256, so dropping the h–u correlation term (0.35 at σ_w,c) or the
     * G term (0.18) would fail the N = 64 cases with probability > 0.95.
     */
    @ParameterizedTest
    @CsvSource({"1.3955839751549013, 64", "1.3955839751549013, 256", "1.0, 64", "2.0, 64"})
    void monteCarloOfTheSamplerAgreesWithTheCoefficient(double sigmaW, int width) {
        FiniteWidthLyapunov theory = FiniteWidthLyapunov.of(MeanField.of(TANH, sigmaW, SIGMA_B));
        double[] measured = scaledGrowth(sigmaW, width, 300, 30, 256, width * 7919L + Double.hashCode(sigmaW));
        double mean = measured[0] - width * theory.meanField();
        double stderr = measured[1];
        assertEquals(theory.coefficient(), mean, 4.0 * stderr + 2.0 / width,
                "N(lambda_N - lambda_MF) = " + mean + " +- " + stderr + " against c = " + theory.coefficient());
    }

    /**
     * The root of λ_N(σ_w) shifts by δ = −c/(N λ_MF′(σ_w,c)); for tanh at σ_b = 0.3 the measured 4-width slope of
     * σ_w,c(N) is 3.07 ± 0.15 (PHYSICS.md §5), which the prediction must meet within 2 of its errors.
     */
    @Test
    void rootShiftMatchesTheMeasuredSlopeOfTheCriticalPoint() {
        double slope = FiniteWidthLyapunov.rootShift(TANH, SIGMA_B);
        assertEquals(3.07, slope, 0.3, "predicted 1/N slope of sigma_w,c(N)");
    }

    /** From q0 = q* there is no transient; from q0 = 1 the recorded λ_N carries the mean-field one of q_l. */
    @Test
    void runningMeanAddsTheMeanFieldTransientOfQ() {
        MeanField field = MeanField.of(TANH, 2.0, SIGMA_B);
        FiniteWidthLyapunov theory = FiniteWidthLyapunov.of(field);
        assertEquals(theory.at(64), theory.runningMean(field.qStar(), 40, 64), 1e-13);
        int depth = 20;
        int width = 64;
        double[] measured = scaledGrowth(2.0, width, depth, 0, 512, 3L);
        double mean = measured[0];
        double stderr = measured[1];
        double meanFieldTransient = width * (theory.runningMean(1.0, depth, width) - theory.at(width));
        // the O(1/N) terms start at 0 and relax within ~2 layers: at most |c| * 2/L of N lambda_N is left out
        assertEquals(width * theory.runningMean(1.0, depth, width), mean,
                4.0 * stderr + 2.0 / width + 2.0 * Math.abs(theory.coefficient()) / depth,
                "recorded N lambda_N = " + mean + " +- " + stderr + "; mean-field transient " + meanFieldTransient);
    }

    /**
     * N × the tangent's mean log-growth per layer over layers burnIn..depth of the Gram sampler from q0 = 1, over
     * replicas keyed by (seed, key, replica): {mean, standard error}.
     */
    private static double[] scaledGrowth(double sigmaW, int width, int depth, int burnIn, int replicas, long key) {
        MlpPropagator propagator = MlpPropagator.gram(new NetworkSpec(TANH, sigmaW, SIGMA_B, width, depth, 1.0, 0.8));
        double sum = 0.0;
        double sumSquares = 0.0;
        for (int r = 0; r < replicas; r++) {
            double[] logNorm = new double[2];
            propagator.run(ReplicaStreams.of(0x1a9_17L, key, r), o -> {
                if (o.layer() == burnIn) {
                    logNorm[0] = o.tangentLogNorm();
                }
                if (o.layer() == depth) {
                    logNorm[1] = o.tangentLogNorm();
                }
            });
            double scaled = width * (logNorm[1] - logNorm[0]) / (depth - burnIn);
            sum += scaled;
            sumSquares += scaled * scaled;
        }
        double mean = sum / replicas;
        return new double[] {mean, Math.sqrt((sumSquares / replicas - mean * mean) / (replicas - 1))};
    }

    @Test
    void refusesPointsWithoutAStationaryState() {
        assertThrows(IllegalArgumentException.class,
                () -> FiniteWidthLyapunov.of(MeanField.of(ActivationKind.RELU.activation(), 1.5, SIGMA_B)));
    }
}
