package org.critsweep.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;
import org.junit.jupiter.api.Test;

class LyapunovRootTest {

    static List<Measurement> linearScan(double slope, double root, double stderr) {
        List<Measurement> scan = new ArrayList<>();
        for (int k = 0; k <= 10; k++) {
            double s = (130 + 2 * k) / 100.0;
            scan.add(new Measurement(s, slope * (s - root), stderr));
        }
        return scan;
    }

    @Test
    void rootOfALinearScanIsExact() {
        FitResult r = LyapunovRoot.find(linearScan(0.37, 1.3955839751548, 0.0)).orElseThrow();
        assertEquals(1.3955839751548, r.estimate(), 1e-14, "linear interpolation of a linear function is exact");
        assertEquals(0.0, r.stderr());
        assertEquals("sigma_w_c", r.quantity());
        assertEquals("sigma_w in [1.38, 1.4]", r.window());
    }

    @Test
    void noUpwardCrossingGivesNoRoot() {
        assertTrue(LyapunovRoot.find(linearScan(0.37, 2.0, 0.01)).isEmpty(), "all negative");
        assertTrue(LyapunovRoot.find(linearScan(-0.37, 1.4, 0.01)).isEmpty(), "chaotic to ordered is not a root");
    }

    /**
     * The delta-method error must match the scatter of roots over noisy scans. 4000 scans estimate the standard
     * deviation to ~1.1 % (1/√(2·4000)); the 5 % tolerance also absorbs the delta method's O(σ²) bias.
     */
    @Test
    void standardErrorMatchesTheScatterOfRootsOverNoisyScans() {
        double sigma = 0.0007;
        SplittableRandom random = new SplittableRandom(104729);
        SummaryStatistics roots = new SummaryStatistics();
        SummaryStatistics reported = new SummaryStatistics();
        for (int trial = 0; trial < 4000; trial++) {
            List<Measurement> scan = new ArrayList<>();
            for (Measurement m : linearScan(0.37, 1.391, 0.0)) {
                scan.add(new Measurement(m.x(), m.value() + sigma * random.nextGaussian(), sigma));
            }
            FitResult r = LyapunovRoot.find(scan).orElseThrow();
            roots.addValue(r.estimate());
            reported.addValue(r.stderr());
        }
        assertEquals(roots.getStandardDeviation(), reported.getMean(), 0.05 * roots.getStandardDeviation());
        assertEquals(1.391, roots.getMean(), 4 * roots.getStandardDeviation() / Math.sqrt(4000));
    }
}
