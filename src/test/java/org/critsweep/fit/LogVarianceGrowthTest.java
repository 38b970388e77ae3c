package org.critsweep.fit;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Planted data with a known growth: ln G^l = Σ_{k ≤ l} ε_k with ε_k iid N(0, v), the structure of the solvable nets
 * (independent per-layer factors, correlated across layers within a replica), so Var ln G = (v n)(l/n): slope v n,
 * curvature 0. 2000 replicas, n = 32, layers 0..64 (l/n ≤ 2). Each assertion is |z| < 3.9 with the bootstrap error.
 * Power: the bootstrap error of the slope is ≈ 6 % of it (the curvature takes its share), so a slope 25 % off is
 * rejected at 4 SE, and a slope of v instead of v n (a factor 32) by far.
 */
class LogVarianceGrowthTest {

    @Test
    void recoversAPlantedLinearGrowthInLOverN() {
        int width = 32;
        int depth = 64;
        double perLayer = 0.08;
        SplittableRandom random = new SplittableRandom(0x17_0005L);
        double[][] lnG = new double[2000][depth + 1];
        int[] layers = new int[depth + 1];
        for (int l = 0; l <= depth; l++) {
            layers[l] = l;
        }
        for (double[] replica : lnG) {
            double sum = 0.0;
            for (int l = 1; l <= depth; l++) {
                sum += Math.sqrt(perLayer) * gaussian(random);
                replica[l] = sum;
            }
        }
        LogVarianceGrowth fit = LogVarianceGrowth.fit(width, layers, lnG, new Bootstrap(200, 17L)).orElseThrow();
        double slope = perLayer * width;

        assertTrue(Math.abs(fit.slope() - slope) < 3.9 * fit.slopeStderr(), "slope " + fit + ", expected " + slope);
        assertTrue(fit.slopeStderr() < 0.08 * slope, "power: " + fit.slopeStderr());
        assertTrue(Math.abs(fit.curvature()) < 3.9 * fit.curvatureStderr(), "curvature " + fit);
    }

    private static double gaussian(SplittableRandom random) {
        double u = random.nextDouble();
        double v = random.nextDouble();
        return Math.sqrt(-2.0 * Math.log1p(-u)) * Math.cos(2.0 * Math.PI * v);
    }
}
