package org.critsweep.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.apache.commons.math3.special.Erf;
import org.junit.jupiter.api.Test;

/** The test oracle itself, against the published tanh values and the erf closed forms of PHYSICS.md §4. */
class MeanFieldQuadratureTest {

    @Test
    void tanhFixedPointAndChi1MatchTheReferenceValues() {
        double qStar = MeanFieldQuadrature.fixedPointQ(Math::tanh, 1.0, 0.3);

        // PHYSICS.md quotes 13 digits and promises ~1e-13 from this rule: 1e-11 relative is comfortably between.
        assertEquals(0.2762991928719, qStar, 1e-11 * qStar);
        assertEquals(0.7002581466031, MeanFieldQuadrature.chi1(MeanFieldQuadrature::tanhPrime, 1.0, qStar), 1e-11);
    }

    @Test
    void erfQMapAndChi1MatchTheirClosedForms() {
        double sigmaW = 1.3;
        double sigmaB = 0.7;
        double q = 1.7;
        double erfPrimeScale = 2.0 / Math.sqrt(Math.PI);

        assertEquals(sigmaW * sigmaW * (2.0 / Math.PI) * Math.asin(2 * q / (1 + 2 * q)) + sigmaB * sigmaB,
                MeanFieldQuadrature.nextQ(Erf::erf, sigmaW, sigmaB, q), 1e-12);
        assertEquals(sigmaW * sigmaW * (4.0 / Math.PI) / Math.sqrt(1 + 4 * q),
                MeanFieldQuadrature.chi1(x -> erfPrimeScale * Math.exp(-x * x), sigmaW, q), 1e-12);
    }
}
