package org.critsweep.fit;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.LongFunction;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The 95 % interval coverage of the Bayesian collapse over 100 synthetic data sets of each kind of
 * {@link BayesianCollapseTest}; slow, so it runs only with {@code -Dcritsweep.slow=true}.
 */
class BayesianCoverageBenchmark {

    private static final int SETS = 100;

    @Test
    void meanFieldDepthScan() {
        coverage("depth scan", new double[] {1.0, 1.0}, set -> BayesianCollapseTest.fitDepthScan(5000 + set, set));
    }

    @Test
    void directedPercolation() {
        coverage("directed percolation", BayesianCollapseTest.DP_TRUTH,
                set -> BayesianCollapseTest.fitDirectedPercolation(7000 + set, set));
    }

    private static void coverage(String label, double[] truth, LongFunction<CollapseResult> fit) {
        Assumptions.assumeTrue(Boolean.getBoolean("critsweep.slow"), "slow: set -Dcritsweep.slow=true");
        long begin = System.nanoTime();
        int[] covered = new int[truth.length];
        double[] meanPull = new double[truth.length];
        double[] meanSquarePull = new double[truth.length];
        for (int set = 0; set < SETS; set++) {
            CollapseResult result = fit.apply(set);
            for (int i = 0; i < truth.length; i++) {
                double pull = (result.estimate()[i] - truth[i]) / result.stderr()[i];
                meanPull[i] += pull / SETS;
                meanSquarePull[i] += pull * pull / SETS;
                if (Math.abs(pull) <= 1.96) {
                    covered[i]++;
                }
            }
        }
        double seconds = (System.nanoTime() - begin) * 1e-9;
        StringBuilder report = new StringBuilder(label).append(String.format(": %.1f s;", seconds));
        for (int i = 0; i < truth.length; i++) {
            report.append(String.format(" θ%d covered %d/%d, pull mean %.2f, rms %.2f;", i, covered[i], SETS,
                    meanPull[i], Math.sqrt(meanSquarePull[i])));
        }
        System.out.println(report);
        // At a true coverage of 0.95 (binomial sd 2.2 of 100), P(fewer than 88) ≈ 0.15 %.
        for (int count : covered) {
            assertTrue(count >= 88, report.toString());
        }
    }
}
