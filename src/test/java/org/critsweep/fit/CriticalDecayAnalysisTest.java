package org.critsweep.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The critical decay of interpolated replica curves, with bootstrap errors, on planted mean-field decays
 * ({@link SyntheticScaling#criticalDecay}).
 */
class CriticalDecayAnalysisTest {

    private static final double KAPPA = SyntheticScaling.KAPPA;
    private static final double OFFSET = SyntheticScaling.DECAY_OFFSET;

    @Test
    void recoversDeltaOneAndKappaWithBootstrapErrors() {
        CriticalDecayAnalysis.Result result = CriticalDecayAnalysis.analyse(new CriticalDecayAnalysis.Bracket(
                SyntheticScaling.criticalDecay(1, 64), SyntheticScaling.criticalDecay(2, 64), 0.3), 10, 400,
                new LayerWindow(20, 200), new Bootstrap(100, 3));
        FitResult delta = result.delta().orElseThrow();
        assertEquals(1.0, delta.estimate(), 3 * delta.stderr(), "stderr " + delta.stderr());
        assertTrue(delta.stderr() < 0.1 && delta.method().endsWith("+bootstrap"));
        BootstrapDistribution resamples = result.deltaBootstrap().orElseThrow();
        assertEquals(delta.stderr(), resamples.standardDeviation(), 1e-15, "the verdict sees the same resamples");
        assertEquals(delta.ciHigh(), resamples.percentile(97.5), 1e-15);
        FitResult kappa = result.kappa().orElseThrow();
        assertEquals(KAPPA, kappa.estimate(), 3 * kappa.stderr() + 0.005);
        assertTrue(kappa.window().startsWith("layer in [20, ") && kappa.nUsed() <= 181,
                "kappa on its own window: " + kappa.window() + ", " + kappa.nUsed() + " layers");
        assertTrue(result.bareDelta().orElseThrow().estimate() < 0.9, "the bare power law reads low");
        assertEquals(OFFSET, result.offset(), 10.0);
    }

    @Test
    void interpolatesLnRhoLinearlyBetweenTheBracketingPoints() {
        ReplicaMatrix below = new ReplicaMatrix(new double[] {1, 2}, new double[][] {{0.4, 0.2}, {0.4, 0.2}});
        ReplicaMatrix above = new ReplicaMatrix(new double[] {1, 2}, new double[][] {{0.1, 0.05}, {0.1, 0.05}});
        List<Measurement> curve = new CriticalDecayAnalysis.Bracket(below, above, 0.5)
                .criticalCurve(new int[] {0, 1}, new int[] {0, 1});
        assertEquals(0.2, curve.get(0).value(), 1e-15, "geometric mean of 0.4 and 0.1");
        assertEquals(0.1, curve.get(1).value(), 1e-15);
    }

    @Test
    void aWindowShorterThanADecayReportsNoOffsetFit() {
        CriticalDecayAnalysis.Result result = CriticalDecayAnalysis.analyse(new CriticalDecayAnalysis.Bracket(
                SyntheticScaling.criticalDecay(1, 16), SyntheticScaling.criticalDecay(2, 16), 0.5), 10, 62, new LayerWindow(10, 62), null);
        assertTrue(result.delta().isEmpty());
        assertTrue(result.kappa().isPresent() && result.bareDelta().isPresent());
    }
}
