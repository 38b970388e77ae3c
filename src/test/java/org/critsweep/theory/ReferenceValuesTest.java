package org.critsweep.theory;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.critsweep.kernel.Activation;
import org.critsweep.kernel.ActivationKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The reference values of PHYSICS.md §4 (tanh), to 1e-9 relative as the spec demands. */
class ReferenceValuesTest {

    static final Activation TANH = ActivationKind.TANH.activation();

    static void assertRelative(double expected, double actual, double tolerance, String what) {
        assertEquals(expected, actual, tolerance * Math.abs(expected), what);
    }

    @ParameterizedTest(name = "sigma_b = {0}")
    @CsvSource({"0.0, 1.0", "0.05, 1.1225390047695", "0.3, 1.3955839751548", "1.0, 1.8555891011388"})
    void criticalLineOfTanh(double sigmaB, double expected) {
        assertRelative(expected, CriticalLine.sigmaWc(TANH, sigmaB), 1e-9, "sigma_w,c");
    }

    @Test
    void criticalPointAtSigmaB03() {
        MeanFieldPoint p = MeanField.of(TANH, CriticalLine.sigmaWc(TANH, 0.3), 0.3).point();
        assertRelative(0.7634747669105, p.qStar(), 1e-9, "q*");
        assertRelative(0.233497820464, p.kappa(), 1e-9, "kappa");
        assertRelative(1.0, p.chi1(), 1e-12, "chi1");
        assertEquals(Phase.CRITICAL, p.phase());
    }

    @Test
    void chaoticPoint() {
        MeanFieldPoint p = MeanField.of(TANH, 1.5, 0.05).point();
        assertRelative(0.7983871143083, p.qStar(), 1e-9, "q*");
        assertRelative(1.1367077840956, p.chi1(), 1e-9, "chi1");
        assertRelative(0.0520862363717, p.cStar(), 1e-9, "c*");
        assertRelative(16.200641688, p.xiC(), 1e-9, "xi_c");
        assertEquals(Phase.CHAOTIC, p.phase());
    }

    @Test
    void orderedPoint() {
        MeanFieldPoint p = MeanField.of(TANH, 1.0, 0.3).point();
        assertRelative(0.2762991928719, p.qStar(), 1e-9, "q*");
        assertRelative(0.7002581466031, p.chi1(), 1e-9, "chi1");
        assertRelative(2.806574550, p.xiC(), 1e-9, "xi_c");
        assertEquals(1.0, p.cStar());
        assertEquals(Phase.ORDERED, p.phase());
    }

    @Test
    void erfCriticalPointAtZeroBiasIsRootPiOverTwo() {
        assertRelative(Math.sqrt(Math.PI) / 2.0, CriticalLine.sigmaWc(ActivationKind.ERF.activation(), 0.0), 1e-10,
                "erf");
    }
}
