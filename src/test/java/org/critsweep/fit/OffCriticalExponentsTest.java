package org.critsweep.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class OffCriticalExponentsTest {

    static final double SIGMA_WC = 1.4;
    static final double DP_BETA = 0.276486;

    /** ρ* = 2.5 τ^β at τ = 0.005 … 0.2 (log-spaced), with 1 % Gaussian noise and a stated 1 % error. */
    static List<Measurement> plateau(double beta, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Measurement> points = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            double tau = 0.005 * Math.pow(40.0, i / 11.0);
            double rho = 2.5 * Math.pow(tau, beta);
            double sigma = 0.01 * rho;
            points.add(new Measurement(SIGMA_WC + tau, rho + sigma * random.nextGaussian(), sigma));
        }
        return points;
    }

    static void assertRecovered(double truth, FitResult fit) {
        assertTrue(Math.abs(fit.estimate() - truth) < 3.0 * fit.stderr(),
                fit.quantity() + " = " + fit.estimate() + " ± " + fit.stderr() + ", truth " + truth);
    }

    @Test
    void recoversMeanFieldAndDirectedPercolationBeta() {
        for (double beta : new double[] {1.0, DP_BETA}) {
            List<Measurement> points = plateau(beta, 2024);
            FitResult fit = OffCriticalExponents.beta(points, SIGMA_WC, 0.0).orElseThrow();
            assertRecovered(beta, fit);
            assertTrue(fit.stderr() < 0.05, "stderr " + fit.stderr());
            assertEquals("beta", fit.quantity());
            assertEquals("wls_log_plateau", fit.method());
            assertEquals(12, fit.nUsed());
            assertEquals("sigma_w in [" + points.get(0).x() + ", " + points.get(11).x() + "]", fit.window());
        }
    }

    @Test
    void anExactPowerLawGivesBetaExactly() {
        List<Measurement> exact = new ArrayList<>();
        for (double tau : new double[] {0.01, 0.02, 0.05, 0.1}) {
            exact.add(new Measurement(SIGMA_WC + tau, 2.5 * Math.pow(tau, DP_BETA), 1e-3));
        }
        FitResult fit = OffCriticalExponents.beta(exact, SIGMA_WC, 0.0).orElseThrow();
        assertEquals(DP_BETA, fit.estimate(), 1e-9);
        assertEquals(0.0, fit.quality(), 1e-12);
    }

    @Test
    void orderedAndUnweightablePointsAreSkipped() {
        List<Measurement> points = new ArrayList<>(plateau(1.0, 11));
        points.add(new Measurement(SIGMA_WC - 0.01, 0.001, 1e-4)); // ordered side
        points.add(new Measurement(SIGMA_WC + 0.3, 0.0, 1e-4)); // ρ* = 0 has no logarithm
        points.add(new Measurement(SIGMA_WC + 0.4, 1.0, Double.NaN)); // one replica
        assertEquals(12, OffCriticalExponents.beta(points, SIGMA_WC, 0.0).orElseThrow().nUsed());
    }

    @Test
    void anUncertainCriticalPointWidensBeta() {
        List<Measurement> points = plateau(DP_BETA, 99);
        FitResult exact = OffCriticalExponents.beta(points, SIGMA_WC, 0.0).orElseThrow();
        FitResult uncertain = OffCriticalExponents.beta(points, SIGMA_WC, 0.002).orElseThrow();
        assertEquals(exact.estimate(), uncertain.estimate());
        assertTrue(uncertain.stderr() > 1.5 * exact.stderr(),
                "with σ(σ_w,c): " + uncertain.stderr() + ", without: " + exact.stderr());
    }

    @Test
    void tooFewPointsGiveNoFit() {
        List<Measurement> two = plateau(1.0, 5).subList(0, 2);
        assertTrue(OffCriticalExponents.beta(two, SIGMA_WC, 0.0).isEmpty());
        assertTrue(OffCriticalExponents.nuParallel(two, SIGMA_WC, 0.0).isEmpty());
        List<Measurement> oneSigmaW = List.of(new Measurement(1.5, 1.0, 0.01), new Measurement(1.5, 1.01, 0.01),
                new Measurement(1.5, 0.99, 0.01));
        assertTrue(OffCriticalExponents.beta(oneSigmaW, SIGMA_WC, 0.0).isEmpty());
    }

    @Test
    void nonFiniteCriticalPointIsRefused() {
        List<Measurement> points = plateau(1.0, 5);
        IllegalArgumentException noPoint = assertThrows(IllegalArgumentException.class,
                () -> OffCriticalExponents.beta(points, Double.NaN, 0.0));
        assertTrue(noPoint.getMessage().startsWith("sigmaWc:"));
        IllegalArgumentException noError = assertThrows(IllegalArgumentException.class,
                () -> OffCriticalExponents.nuParallel(points, SIGMA_WC, Double.NaN));
        assertTrue(noError.getMessage().startsWith("sigmaWcStderr:"));
    }

    /** ξ = 0.8 |τ|^−1 on both sides, 2 % noise: the mean-field ν_∥ = 1. */
    @Test
    void recoversNuParallelFromBothSides() {
        SplittableRandom random = new SplittableRandom(31337);
        List<Measurement> xi = new ArrayList<>();
        for (double tau : new double[] {-0.2, -0.1, -0.05, -0.02, -0.01, 0.01, 0.02, 0.05, 0.1, 0.2}) {
            double value = 0.8 / Math.abs(tau);
            double sigma = 0.02 * value;
            xi.add(new Measurement(SIGMA_WC + tau, value + sigma * random.nextGaussian(), sigma));
        }
        FitResult fit = OffCriticalExponents.nuParallel(xi, SIGMA_WC, 0.0005).orElseThrow();
        assertRecovered(1.0, fit);
        assertTrue(fit.stderr() < 0.05, "stderr " + fit.stderr());
        assertEquals("nu_par", fit.quantity());
        assertEquals("wls_log_xi", fit.method());
        assertEquals(10, fit.nUsed());
        assertEquals("sigma_w in [" + (SIGMA_WC - 0.2) + ", " + (SIGMA_WC + 0.2) + "]", fit.window());
    }
}
