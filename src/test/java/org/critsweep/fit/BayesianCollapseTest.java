package org.critsweep.fit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class BayesianCollapseTest {

    static final double[] DEPTH_START = {0.7, 1.3};
    static final double[] DEPTH_SCALE = {0.05, 0.05};
    static final double LN_RHO_NOISE = 0.05;

    /** Directed percolation in 1+1 dimensions: t_c, 1/ν⊥ and −β/ν⊥. */
    static final double[] DP_TRUTH = {SyntheticScaling.DP_T_C, SyntheticScaling.DP_C1, SyntheticScaling.DP_C2};
    static final double[] DP_START = {0.65, 1.0, -0.2};
    static final double[] DP_SCALE = {0.005, 0.05, 0.02};
    static final double RELATIVE_NOISE = 0.01;

    static List<ScalingPoint> meanFieldDepthScan(long seed) {
        return SyntheticScaling.mfDepthScan(seed, SyntheticScaling.mfSizes(), 15, LN_RHO_NOISE);
    }

    static List<ScalingPoint> directedPercolation(long seed) {
        return SyntheticScaling.dpLattice(seed, SyntheticScaling.dpSizes(), 17, RELATIVE_NOISE);
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
