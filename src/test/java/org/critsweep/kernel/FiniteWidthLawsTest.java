package org.critsweep.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.ToDoubleFunction;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.special.Gamma;
import org.apache.commons.math3.stat.inference.KolmogorovSmirnovTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Exact finite-width laws (PHYSICS.md §5) as oracles for both MLP samplers (one subclass each).
 *
 * <p>Linear, σ_w = 1, σ_b = 0: q^{l+1} = q^l R_l with R_l = χ²_N/N iid. ReLU, σ_w² = 2, σ_b = 0: G^{l+1} = G^l R_l
 * with R_l = (2/N)χ²_K, K ~ Bin(N, ½), iid, so E[R] = 1 and E[R²] = 1 + 5/N. Width and depth are distinct primes so
 * that a swapped width and depth cannot pass: (1 + 2/7)^31 is nothing like (1 + 2/31)^7.
 *
 * <p>Every assertion is a z-test with |z| < 3.9: a correct sampler fails each one with probability ≈ 1e-4 (normal
 * tails; the replica counts make the estimators close to normal). Power: a 5 % error in any tested moment is 6 to 10
 * standard errors (quoted per constant below), so it is detected with probability > 0.99. The seed is fixed, so the
 * outcome is reproducible.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class FiniteWidthLawsTest {

    private static final long SEED = 0x5eed_2307_0228_4L;
    private static final double Z_MAX = 3.9;

    private static final int LINEAR_WIDTH = 31;
    private static final int LINEAR_DEPTH = 7;
    /**
     * Enough that the SE of E[q²]/E[q]² (≈ 1.6/√M per the exact moments) is ≈ 0.011: 5 % of the law's 1.55 is 7 SE;
     * the SE of E[q^L]/q0 is ≈ 0.0052, so a 5 % bias is 9.6 SE.
     */
    private static final int LINEAR_REPLICAS = 20_000;

    private static final int RELU_WIDTH = 41;
    private static final int RELU_DEPTH = 5;
    /** SE of the ratio ≈ 0.014 (exact moments of R): 5 % of the law's (1 + 5/N)^L = 1.78 is 6.4 SE. */
    private static final int RELU_REPLICAS = 30_000;

    private LayerObservables[][] linear;
    private LayerObservables[][] relu;

    /** The sampler under test. */
    abstract MlpPropagator sampler(NetworkSpec spec);

    @BeforeAll
    void runNetworks() {
        linear = Replicas.run(this::sampler, new NetworkSpec(ActivationKind.LINEAR.activation(), 1.0, 0.0, LINEAR_WIDTH,
                LINEAR_DEPTH, 1.3, 0.8), SEED, 11L, LINEAR_REPLICAS);
        relu = Replicas.run(this::sampler, new NetworkSpec(ActivationKind.RELU.activation(), Math.sqrt(2.0), 0.0,
                RELU_WIDTH, RELU_DEPTH, 0.7, 0.8), SEED, 13L, RELU_REPLICAS);
    }

    @Test
    void linearNetworkPreservesTheMeanSquaredLength() {
        Estimate mean = Moments.mean(ratioToInput(linear, LINEAR_DEPTH, LayerObservables::qA));

        assertTrue(Math.abs(mean.z(1.0)) < Z_MAX, "E[q^L]/q0 = " + mean + ", expected 1");
    }

    @Test
    void linearNetworkSecondMomentGrowsLikeOnePlusTwoOverNToTheL() {
        Estimate ratio = Moments.secondMomentRatio(ratioToInput(linear, LINEAR_DEPTH, LayerObservables::qA));
        double expected = Math.pow(1.0 + 2.0 / LINEAR_WIDTH, LINEAR_DEPTH);

        assertTrue(Math.abs(ratio.z(expected)) < Z_MAX, "E[q²]/E[q]² = " + ratio + ", expected " + expected);
    }

    @Test
    void linearLayerLogRatioHasTheExactLogChiSquaredLaw() {
        double[] logRatios = new double[LINEAR_REPLICAS * LINEAR_DEPTH];
        int k = 0;
        for (LayerObservables[] replica : linear) {
            for (int l = 0; l < LINEAR_DEPTH; l++) {
                logRatios[k++] = Math.log(replica[l + 1].qA() / replica[l].qA());
            }
        }
        double halfWidth = 0.5 * LINEAR_WIDTH;
        Estimate mean = Moments.mean(logRatios);
        Estimate variance = Moments.variance(logRatios);
        double expectedMean = Gamma.digamma(halfWidth) + Math.log(2.0 / LINEAR_WIDTH);
        double expectedVariance = Gamma.trigamma(halfWidth);

        assertTrue(Math.abs(mean.z(expectedMean)) < Z_MAX, "E ln R = " + mean + ", expected " + expectedMean);
        assertTrue(Math.abs(variance.z(expectedVariance)) < Z_MAX,
                "Var ln R = " + variance + ", expected " + expectedVariance);
    }

    @Test
    void reluNetworkAtCriticalityPreservesTheMeanOfG() {
        Estimate mean = Moments.mean(ratioToInput(relu, RELU_DEPTH, LayerObservables::gA));

        assertTrue(Math.abs(mean.z(1.0)) < Z_MAX, "E[G_L/G_0] = " + mean + ", expected 1");
    }

    @Test
    void reluSecondMomentOfGGrowsLikeOnePlusFiveOverNToTheL() {
        Estimate ratio = Moments.secondMomentRatio(ratioToInput(relu, RELU_DEPTH, LayerObservables::gA));
        double expected = Math.pow(1.0 + 5.0 / RELU_WIDTH, RELU_DEPTH);

        assertTrue(Math.abs(ratio.z(expected)) < Z_MAX, "E[X²]/E[X]² = " + ratio + ", expected " + expected);
    }

    /** Given layer l−1, the N pre-activations of layer l are iid N(0, G^{l−1}): q^l/G^{l−1} = χ²_N/N exactly. */
    @Test
    void reluPreActivationLengthIsChiSquaredTimesThePreviousG() {
        double[] ratios = new double[RELU_REPLICAS * RELU_DEPTH];
        int k = 0;
        for (LayerObservables[] replica : relu) {
            for (int l = 1; l <= RELU_DEPTH; l++) {
                ratios[k++] = replica[l].qA() / replica[l - 1].gA();
            }
        }
        Estimate mean = Moments.mean(ratios);
        Estimate variance = Moments.variance(ratios);

        assertTrue(Math.abs(mean.z(1.0)) < Z_MAX, "E[q^l/G^(l-1)] = " + mean + ", expected 1");
        assertTrue(Math.abs(variance.z(2.0 / RELU_WIDTH)) < Z_MAX,
                "Var[q^l/G^(l-1)] = " + variance + ", expected 2/N = " + 2.0 / RELU_WIDTH);
    }

    /**
     * Given layer l−1, neuron 0's pre-activation at layer l is exactly N(0, G^{l−1}), independent of everything
     * before, so probe/√G^{l−1} pooled over layers and replicas is an iid standard normal sample. A correct kernel
     * fails this KS test with probability 1e-3 (the p-value threshold).
     */
    @Test
    void probeNeuronIsExactlyGaussianGivenThePreviousG() {
        double[] standardised = new double[RELU_REPLICAS * RELU_DEPTH];
        int k = 0;
        for (LayerObservables[] replica : relu) {
            for (int l = 1; l <= RELU_DEPTH; l++) {
                standardised[k++] = replica[l].probe() / Math.sqrt(replica[l - 1].gA());
            }
        }
        double p = new KolmogorovSmirnovTest().kolmogorovSmirnovTest(new NormalDistribution(0.0, 1.0), standardised);

        assertTrue(p > 1e-3, "KS p-value " + p);
    }

    @Test
    void inputsHaveTheExactRequestedLength() {
        for (LayerObservables[] replica : linear) {
            // q0 is set by construction; only the rounding of a length-N sum of squares remains.
            assertEquals(1.3, replica[0].qA(), 1e-14);
            assertEquals(1.3, replica[0].qB(), 1e-14);
        }
    }

    private static double[] ratioToInput(LayerObservables[][] replicas, int layer,
                                         ToDoubleFunction<LayerObservables> quantity) {
        double[] x = new double[replicas.length];
        for (int r = 0; r < replicas.length; r++) {
            x[r] = quantity.applyAsDouble(replicas[r][layer]) / quantity.applyAsDouble(replicas[r][0]);
        }
        return x;
    }
}
