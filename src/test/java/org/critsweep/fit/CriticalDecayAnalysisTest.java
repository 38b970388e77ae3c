package org.critsweep.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The critical decay of interpolated replica curves, with bootstrap errors, on planted mean-field decays. */
class CriticalDecayAnalysisTest {

    private static final double KAPPA = 0.2335;
    private static final double OFFSET = 20.0;

    /** ρ_r(l) = scale / (κ(l + l0)) · e^{s g_r − s²/2}: a mean-field decay with a log-normal replica factor. */
    private static ReplicaMatrix planted(long seed, int replicas, double scale) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] layers = new double[400];
        for (int l = 0; l < layers.length; l++) {
            layers[l] = l + 1;
        }
        double[][] values = new double[replicas][layers.length];
        for (int r = 0; r < replicas; r++) {
            double g = Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
            for (int l = 0; l < layers.length; l++) {
                double s = 0.3 * Math.sqrt(layers[l] / layers.length);
                values[r][l] = scale / (KAPPA * (layers[l] + OFFSET)) * Math.exp(s * g - s * s / 2);
            }
        }
        return new ReplicaMatrix(layers, values);
    }

    @Test
    void recoversDeltaOneAndKappaWithBootstrapErrors() {
        CriticalDecayAnalysis.Result result = CriticalDecayAnalysis.analyse(new CriticalDecayAnalysis.Bracket(
                planted(1, 64, 1.0), planted(2, 64, 1.0), 0.3), 10, 400, new Bootstrap(100, 3));
        FitResult delta = result.delta().orElseThrow();
        assertEquals(1.0, delta.estimate(), 3 * delta.stderr(), "stderr " + delta.stderr());
        assertTrue(delta.stderr() < 0.1 && delta.method().endsWith("+bootstrap"));
        FitResult kappa = result.kappa().orElseThrow();
        assertEquals(KAPPA, kappa.estimate(), 3 * kappa.stderr() + 0.005);
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
                planted(1, 16, 1.0), planted(2, 16, 1.0), 0.5), 10, 62, null);
        assertTrue(result.delta().isEmpty());
        assertTrue(result.kappa().isPresent() && result.bareDelta().isPresent());
    }
}
