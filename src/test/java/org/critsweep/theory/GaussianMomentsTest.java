package org.critsweep.theory;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.critsweep.kernel.Activation;
import org.critsweep.kernel.ActivationKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The quadrature against the closed forms, and its convergence where no closed form exists (tanh). */
class GaussianMomentsTest {

    /** 1e-10 relative, the spec's bar for the generic integrator against closed forms. */
    @ParameterizedTest
    @ValueSource(strings = {"erf", "sin", "relu", "linear"})
    void quadratureMatchesClosedFormsAtRandomPoints(String name) {
        Activation phi = ActivationKind.ofLabel(name).activation();
        GaussianMoments quadrature = new GaussianMoments(phi);
        GaussianMoments closed = GaussianMoments.of(phi);
        SplittableRandom random = new SplittableRandom(7919);
        for (int k = 0; k < 20; k++) {
            double q = Math.exp(random.nextDouble(Math.log(0.05), Math.log(10.0)));
            double epsilon = Math.exp(random.nextDouble(Math.log(1e-12), Math.log(1.9)));
            String at = name + " at q = " + q + ", eps = " + epsilon;
            assertClose(closed.square(q), quadrature.square(q), "E[phi^2] " + at);
            assertClose(closed.slopeSquare(q), quadrature.slopeSquare(q), "E[phi'^2] " + at);
            assertClose(closed.differenceSquare(q, epsilon), quadrature.differenceSquare(q, epsilon),
                    "E[(phi1 - phi2)^2] " + at);
            assertClose(closed.fourth(q), quadrature.fourth(q), "E[phi^4] " + at);
            assertClose(closed.valueTimesCurvature(q), quadrature.valueTimesCurvature(q), "E[phi phi''] " + at);
        }
    }

    @Test
    void differenceMomentStaysExactAtTinyEpsilon() {
        for (String name : new String[] {"tanh", "erf", "sin"}) {
            GaussianMoments m = new GaussianMoments(ActivationKind.ofLabel(name).activation());
            double q = 0.7634747669105;
            double epsilon = 1e-300;
            // E[(φ(u1) − φ(u2))²] = 2qε E[φ′²] (1 + O(ε)): exact to rounding at ε = 1e-300.
            assertClose(2.0 * q * epsilon * m.slopeSquare(q), m.differenceSquare(q, epsilon), name + " at eps = 1e-300");
        }
    }

    /** Halving the panel width changes tanh's expectations by less than 1e-13 up to q = 10: the rule has converged. */
    @ParameterizedTest
    @ValueSource(doubles = {0.1, 0.76, 3.0, 10.0})
    void tanhQuadratureHasConverged(double q) {
        Activation tanh = ActivationKind.TANH.activation();
        double r = Math.sqrt(q);
        GaussianIntegrator standard = GaussianIntegrator.forVariance(q);
        GaussianIntegrator finer = new GaussianIntegrator(0.5 * Math.min(1.0, Math.PI / (4.0 * r)));
        double a = standard.expect(z -> Math.pow(tanh.value(r * z), 2));
        double b = finer.expect(z -> Math.pow(tanh.value(r * z), 2));
        assertEquals(b, a, 1e-13 * b);
        double c = 0.6;
        double s = 0.8;
        double a2 = standard.expect((z1, z2) -> tanh.value(r * z1) * tanh.value(r * (c * z1 + s * z2)), c, s, false);
        double b2 = finer.expect((z1, z2) -> tanh.value(r * z1) * tanh.value(r * (c * z1 + s * z2)), c, s, false);
        assertEquals(b2, a2, 1e-13 * b2);
    }

    static void assertClose(double expected, double actual, String what) {
        assertEquals(expected, actual, 1e-10 * Math.abs(expected), what);
    }
}
