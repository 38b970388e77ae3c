package org.critsweep.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.IntToDoubleFunction;
import org.junit.jupiter.api.Test;

class CorrelationDepthFitTest {

    /** The curve at layers 0 … last with Gaussian noise of the stated size. */
    static List<Measurement> curve(IntToDoubleFunction rho, int last, double noise, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Measurement> points = new ArrayList<>();
        for (int l = 0; l <= last; l++) {
            points.add(new Measurement(l, rho.applyAsDouble(l) + noise * random.nextGaussian(), noise));
        }
        return points;
    }

    static void assertXi(double truth, FitResult fit) {
        assertTrue(Math.abs(fit.estimate() - truth) < 3.0 * fit.stderr(),
                "xi = " + fit.estimate() + " ± " + fit.stderr() + ", truth " + truth);
        assertTrue(fit.stderr() < 0.05 * truth, "stderr " + fit.stderr());
    }

    @Test
    void chaoticApproachFromAbove() {
        List<Measurement> points = curve(l -> 0.3 + 0.5 * Math.exp(-l / 17.5), 150, 1e-3, 17);
        FitResult fit = CorrelationDepthFit.fit(points, 0, 150).orElseThrow();
        assertXi(17.5, fit);
        assertEquals("xi_par", fit.quantity());
        assertEquals("layer in [0, 150]", fit.window());
        assertEquals(151, fit.nUsed());
    }

    @Test
    void chaoticApproachFromBelowInAShortWindow() {
        List<Measurement> points = curve(l -> 0.3 - 0.25 * Math.exp(-l / 17.5), 150, 1e-3, 18);
        FitResult fit = CorrelationDepthFit.fit(points, 5, 40).orElseThrow();
        assertXi(17.5, fit);
        assertEquals("layer in [5, 40]", fit.window());
    }

    @Test
    void orderedDecayToZero() {
        List<Measurement> points = curve(l -> 0.4 * Math.exp(-l / 6.2), 60, 1e-4, 19);
        assertXi(6.2, CorrelationDepthFit.fit(points, 0, 60).orElseThrow());
    }

    @Test
    void anExactCurveGivesXiExactly() {
        List<Measurement> points = curve(l -> 0.3 + 0.5 * Math.exp(-l / 17.5), 100, 0.0, 1).stream()
                .map(m -> new Measurement(m.x(), m.value(), 1e-6)).toList();
        FitResult fit = CorrelationDepthFit.fit(points, 0, 100).orElseThrow();
        assertEquals(17.5, fit.estimate(), 1e-6);
    }

    @Test
    void tooFewUsableLayersGiveNoFit() {
        List<Measurement> points = new ArrayList<>(curve(l -> 0.4 * Math.exp(-l / 6.2), 2, 1e-4, 20));
        points.add(new Measurement(3, 0.2, Double.NaN));
        assertTrue(CorrelationDepthFit.fit(points, 0, 60).isEmpty());
    }
}
