package org.critsweep.fit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BayesianCollapseTest {

    static final double[] DEPTH_START = {0.7, 1.3};
    static final double[] DEPTH_SCALE = {0.05, 0.05};
    static final double LN_RHO_NOISE = 0.05;

    /** Directed percolation in 1+1 dimensions: t_c, 1/ν⊥ and −β/ν⊥. */
    static final double[] DP_TRUTH = {0.6447, 1.0 / 1.096854, -0.276486 / 1.096854};
    static final double[] DP_START = {0.65, 1.0, -0.2};
    static final double[] DP_SCALE = {0.005, 0.05, 0.02};
    static final double RELATIVE_NOISE = 0.01;

    /**
     * A mean-field depth scan at criticality: ln ρ = −ln N + ln F(l/N), F(x) = e^{−x/2}/(κx + 0.1) with κ = 0.2335,
     * 15 log-spaced layers in [N/16, 2N] per width, Gaussian noise of sd 0.05 on ln ρ; truth a = b = 1.
     */
    static List<ScalingPoint> meanFieldDepthScan(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<ScalingPoint> points = new ArrayList<>();
        int layers = 15;
        for (int width : new int[] {64, 128, 256, 512}) {
            for (int k = 0; k < layers; k++) {
                double layer = Math.round(width / 16.0 * Math.pow(32.0, k / (layers - 1.0)));
                double x = layer / width;
                double lnRho = -Math.log(width) - x / 2 - Math.log(0.2335 * x + 0.1);
                points.add(new ScalingPoint(width, layer, lnRho + LN_RHO_NOISE * random.nextGaussian(),
                        LN_RHO_NOISE));
            }
        }
        return points;
    }

    /**
     * A = L^{−β/ν⊥} F((t − t_c) L^{1/ν⊥}) with F(X) = 1 + tanh X + 0.3 X at 17 X in [−2, 2] per size, 1 %
     * multiplicative Gaussian noise.
     */
    static List<ScalingPoint> directedPercolation(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<ScalingPoint> points = new ArrayList<>();
        for (int size : new int[] {32, 64, 128, 256}) {
            for (int k = 0; k <= 16; k++) {
                double x = -2.0 + 0.25 * k;
                double t = DP_TRUTH[0] + x * Math.pow(size, -DP_TRUTH[1]);
                double a = Math.pow(size, DP_TRUTH[2]) * (1.0 + Math.tanh(x) + 0.3 * x);
                double sigma = RELATIVE_NOISE * Math.abs(a);
                points.add(new ScalingPoint(size, t, a + sigma * random.nextGaussian(), sigma));
            }
        }
        return points;
    }

    static CollapseResult fitDepthScan(long dataSeed, long chainSeed) {
        return new BayesianCollapse(chainSeed).fit(meanFieldDepthScan(dataSeed), ScalingForm.depthScan(),
                DEPTH_START, DEPTH_SCALE);
    }

    static CollapseResult fitDirectedPercolation(long dataSeed, long chainSeed) {
        return new BayesianCollapse(chainSeed).fit(directedPercolation(dataSeed), ScalingForm.generic(), DP_START,
                DP_SCALE);
    }

    @Test
    void recoversTheMeanFieldDepthExponents() {
        CollapseResult result = fitDepthScan(11, 1);
        assertEquals("bayes", result.method());
        assertEquals(List.of("fss_a", "fss_b"), result.names());
        for (int i = 0; i < 2; i++) {
            assertTrue(result.stderr()[i] > 0.0 && result.stderr()[i] < 0.05, "stderr " + result.stderr()[i]);
            assertEquals(1.0, result.estimate()[i], 3 * result.stderr()[i], result.names().get(i));
        }
        assertEquals(60, result.collapsed().size());
        assertTrue(Double.isFinite(result.quality()));
    }

    @Test
    void recoversTheDirectedPercolationExponentsWithTheGenericForm() {
        CollapseResult result = fitDirectedPercolation(12, 2);
        for (int i = 0; i < 3; i++) {
            assertTrue(result.stderr()[i] > 0.0, "stderr " + result.stderr()[i]);
            assertEquals(DP_TRUTH[i], result.estimate()[i], 3 * result.stderr()[i], result.names().get(i));
        }
        assertEquals(68, result.collapsed().size());
    }

    @Test
    void aSeedFixesTheResultAndAnotherSeedOnlyJittersTheErrors() {
        CollapseResult first = fitDepthScan(13, 5);
        CollapseResult again = fitDepthScan(13, 5);
        CollapseResult other = fitDepthScan(13, 6);
        assertArrayEquals(first.estimate(), again.estimate(), 0.0);
        assertArrayEquals(first.stderr(), again.stderr(), 0.0);
        assertEquals(first.quality(), again.quality(), 0.0);
        for (int i = 0; i < 2; i++) {
            double ratio = other.stderr()[i] / first.stderr()[i];
            assertTrue(ratio > 1 / 1.3 && ratio < 1.3, "stderr ratio between seeds " + ratio);
        }
    }

    /**
     * 20 independent depth scans: the ±1.96 stderr interval must cover a = 1 and b = 1 at least 16 times each.
     * At a true coverage of 0.95, P(fewer than 16 of 20) ≈ 0.3 %.
     */
    @Test
    void errorsCoverTheTruth() {
        int[] covered = new int[2];
        for (int set = 0; set < 20; set++) {
            CollapseResult result = fitDepthScan(1000 + set, 2000 + set);
            for (int i = 0; i < 2; i++) {
                if (Math.abs(result.estimate()[i] - 1.0) <= 1.96 * result.stderr()[i]) {
                    covered[i]++;
                }
            }
        }
        assertTrue(covered[0] >= 16 && covered[1] >= 16, "covered a " + covered[0] + ", b " + covered[1] + " of 20");
    }

    @Test
    void rejectsBadInput() {
        BayesianCollapse collapse = new BayesianCollapse(1);
        List<ScalingPoint> oneSize = meanFieldDepthScan(1).stream().filter(p -> p.size() == 64).toList();
        IllegalArgumentException sizes = assertThrows(IllegalArgumentException.class,
                () -> collapse.fit(oneSize, ScalingForm.depthScan(), DEPTH_START, DEPTH_SCALE));
        assertTrue(sizes.getMessage().contains("two distinct sizes"), sizes.getMessage());
        IllegalArgumentException start = assertThrows(IllegalArgumentException.class,
                () -> collapse.fit(meanFieldDepthScan(1), ScalingForm.depthScan(), DP_START, DEPTH_SCALE));
        assertTrue(start.getMessage().contains("start of length 3"), start.getMessage());
        IllegalArgumentException scale = assertThrows(IllegalArgumentException.class,
                () -> collapse.fit(meanFieldDepthScan(1), ScalingForm.depthScan(), DEPTH_START, new double[] {0.1}));
        assertTrue(scale.getMessage().contains("scale of length 1"), scale.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> collapse.fit(meanFieldDepthScan(1), ScalingForm.depthScan(), DEPTH_START, new double[] {0, 1}));
        assertThrows(IllegalArgumentException.class, () -> new BayesianCollapse(1, 10));
    }
}
