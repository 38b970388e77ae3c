package org.critsweep.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.critsweep.kernel.ActivationKind;
import org.critsweep.theory.CriticalLine;
import org.critsweep.theory.MeanField;
import org.junit.jupiter.api.Test;

/**
 * The offset power law against independent truth: an exact power law, and the exact mean-field critical curve of
 * the theory engine (PHYSICS.md §4), whose δ is 1 but on which a bare log-log fit over a short window reads
 * 0.7–0.9 — the reason the offset form is used.
 */
class OffsetPowerLawTest {

    /** σ(ρ)/ρ: a 1e-3 relative error, so the fit weights are those of a clean measurement. */
    private static final double RELATIVE_ERROR = 1e-3;

    @Test
    void recoversAnExactOffsetPowerLaw() {
        List<Measurement> curve = new ArrayList<>();
        for (int l = 1; l <= 400; l++) {
            double rho = 2.0 * Math.pow(l + 7.5, -0.159464);
            curve.add(new Measurement(l, rho, RELATIVE_ERROR * rho));
        }
        OffsetPowerLaw.Solution s = OffsetPowerLaw.fit(curve, 5, 400).orElseThrow();
        assertEquals(0.159464, s.delta(), 1e-7);
        assertEquals(7.5, s.offset(), 1e-4);
        assertEquals(2.0, s.amplitude(), 1e-6);
        assertEquals("layer in [5, 400], l0 = 7.50", s.fit().window());
    }

    @Test
    void offsetFormRecoversDeltaOneOnTheExactMeanFieldCurveWhereABareFitDoesNot() {
        double sigmaWc = CriticalLine.sigmaWc(ActivationKind.TANH.activation(), 0.3);
        double[] rho = MeanField.of(ActivationKind.TANH.activation(), sigmaWc, 0.3).curve(1.0, 0.8, 2000).rho();
        List<Measurement> curve = new ArrayList<>();
        for (int l = 0; l < rho.length; l++) {
            curve.add(new Measurement(l, rho[l], RELATIVE_ERROR * rho[l]));
        }
        double offsetDelta = OffsetPowerLaw.fit(curve, 10, 2000).orElseThrow().delta();
        double bareShort = OffsetPowerLaw.fitBare(curve, 10, 100).orElseThrow().delta();
        assertEquals(1.0, offsetDelta, 0.02, "offset form on [10, 2000]");
        assertTrue(bareShort > 0.6 && bareShort < 0.92, "bare power law on [10, 100] reads " + bareShort);
        // The offset form also gets the mean-field amplitude: rho = 1/(kappa (l + l0)) with kappa = 0.233497820464.
        OffsetPowerLaw.Solution late = OffsetPowerLaw.fit(curve, 200, 2000).orElseThrow();
        assertEquals(1.0, late.delta(), 0.01);
        assertEquals(1.0 / 0.233497820464, late.amplitude(), 0.1 / 0.2335);
    }

    @Test
    void tooFewLayersGiveNoFit() {
        List<Measurement> curve = List.of(new Measurement(10, 0.1, 0.001), new Measurement(11, 0.09, 0.001),
                new Measurement(12, 0.08, 0.001));
        assertTrue(OffsetPowerLaw.fit(curve, 0, 100).isEmpty());
    }

    @Test
    void effectiveExponentIsFlatAtTheTrueExponentAndItsDriftVanishes() {
        List<Measurement> curve = new ArrayList<>();
        for (int l = 1; l <= 1000; l++) {
            double rho = Math.pow(l + 3.0, -0.45);
            curve.add(new Measurement(l, rho, RELATIVE_ERROR * rho));
        }
        List<Measurement> effective = EffectiveExponent.curve(curve, 3.0, 10, 1000);
        assertTrue(effective.size() >= 15, "pairs: " + effective.size());
        for (Measurement m : effective) {
            assertEquals(0.45, m.value(), 1e-9);
        }
        assertEquals(0.0, EffectiveExponent.drift(effective, 3.0).orElseThrow().value(), 1e-9);
        List<Measurement> ordered = new ArrayList<>();
        for (int l = 1; l <= 1000; l++) {
            double rho = Math.pow(l + 3.0, -0.45) * Math.exp(-l / 300.0);
            ordered.add(new Measurement(l, rho, RELATIVE_ERROR * rho));
        }
        assertTrue(EffectiveExponent.drift(EffectiveExponent.curve(ordered, 3.0, 10, 1000), 3.0)
                .orElseThrow().value() > 0.0, "an exponential cut-off makes the effective exponent grow");
    }
}
