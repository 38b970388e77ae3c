package org.critsweep.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;
import org.junit.jupiter.api.Test;

class CriticalDecayFitTest {

    /** Mean-field critical decay at tanh, σ_b = 0.3 (PHYSICS.md §4): κ = 0.233497820464, with l0 = 1/(κ ρ_0) for ρ_0 = 0.2. */
    static final double KAPPA = 0.233497820464;
    static final double L0 = 1.0 / (KAPPA * 0.2);

    static double rho(int layer) {
        return 1.0 / (KAPPA * (layer + L0));
    }

    @Test
    void recoversKappaOfAnExactCriticalCurve() {
        List<Measurement> curve = new ArrayList<>();
        for (int l = 0; l <= 300; l++) {
            curve.add(new Measurement(l, rho(l), 1e-4 * rho(l)));
        }
        FitResult fit = CriticalDecayFit.fit(curve, 10, 128).orElseThrow();
        assertEquals(KAPPA, fit.estimate(), 1e-10);
        assertEquals(119, fit.nUsed(), "layers 10..128");
        assertEquals("layer in [10, 128]", fit.window());
        assertEquals(0.0, fit.quality(), 1e-12);
    }

    /**
     * On an exact reference curve the same fit returns the reference's κ whatever the measured curve's values, at the
     * measured curve's layers inside the window only.
     */
    @Test
    void readsKappaOfAReferenceCurveAtTheMeasuredLayers() {
        double[] reference = new double[201];
        for (int l = 0; l <= 200; l++) {
            reference[l] = rho(l);
        }
        SplittableRandom random = new SplittableRandom(11);
        List<Measurement> measured = new ArrayList<>();
        for (int l = 0; l <= 200; l += 3) {
            double value = 0.5 * rho(l) * (1 + 0.2 * random.nextDouble());
            measured.add(new Measurement(l, value, value * (0.01 + 0.05 * random.nextDouble())));
        }
        FitResult fit = CriticalDecayFit.onReference(reference, measured, new LayerWindow(10, 100)).orElseThrow();
        assertEquals(KAPPA, fit.estimate(), 1e-10);
        assertEquals(30, fit.nUsed(), "layers 12, 15, …, 99");
    }

    /**
     * Pulls (κ̂ − κ)/σ̂ over 2000 synthetic curves with independent Gaussian noise of known size must have mean 0 and
     * standard deviation ≤ 1 (≈ 1; errors are only ever inflated by χ²/dof). 2000 pulls: SE of the mean 0.022.
     */
    @Test
    void errorsAreHonestForIndependentGaussianNoise() {
        SplittableRandom random = new SplittableRandom(7907);
        SummaryStatistics pulls = new SummaryStatistics();
        for (int trial = 0; trial < 2000; trial++) {
            List<Measurement> curve = new ArrayList<>();
            for (int l = 10; l <= 60; l += 2) {
                double sigma = 0.02 * rho(l);
                curve.add(new Measurement(l, rho(l) + sigma * random.nextGaussian(), sigma));
            }
            FitResult fit = CriticalDecayFit.fit(curve, 10, 60).orElseThrow();
            pulls.addValue((fit.estimate() - KAPPA) / fit.stderr());
        }
        assertEquals(0.0, pulls.getMean(), 0.1, "ρ noise is small, so the 1/ρ transform's bias is negligible");
        assertTrue(pulls.getStandardDeviation() > 0.85 && pulls.getStandardDeviation() < 1.05,
                "pull sd " + pulls.getStandardDeviation());
    }

    @Test
    void pointsThatCannotBeWeightedAreSkippedAndTooFewGiveNoFit() {
        List<Measurement> curve = List.of(new Measurement(10, rho(10), Double.NaN), new Measurement(11, 0.0, 0.1),
                new Measurement(12, rho(12), 0.001), new Measurement(13, rho(13), 0.001));
        assertTrue(CriticalDecayFit.fit(curve, 10, 20).isEmpty());
    }
}
