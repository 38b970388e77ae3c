package org.critsweep.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class TanhTest {

    /** The JDK's tanh is within 2.5 ulp of the true value; Cephes' within 2.5e-16 relative: 1e-15 covers both. */
    @Test
    void agreesWithTheJdkToTheLastBitsOverTheWholeRange() {
        for (double x = -30.0; x <= 30.0; x += 0.000731) {
            double expected = Math.tanh(x);
            assertEquals(expected, Tanh.tanh(x), 1e-15 * Math.abs(expected) + Double.MIN_NORMAL, "x = " + x);
        }
        for (double x : new double[] {1e-300, -1e-20, 1e-9, 0.6249999, 0.625, 21.99, 22.0, 700, Double.MAX_VALUE}) {
            assertEquals(Math.tanh(x), Tanh.tanh(x), 1e-15 * Math.abs(Math.tanh(x)), "x = " + x);
        }
        assertEquals(0.0, Tanh.tanh(0.0));
        assertEquals(-1.0, Tanh.tanh(Double.NEGATIVE_INFINITY));
    }

    /**
     * Deep in saturation the identity tanh(x + d) − tanh(x) = sinh d/(cosh x cosh(x + d)) and φ′ = 1/cosh² x, evaluated
     * in doubles (products and quotients of functions accurate to a few ulps, no cancellation), are the truth.
     */
    @Test
    void differenceAndDerivativeKeepFullRelativePrecisionInSaturation() {
        Activation tanh = ActivationKind.TANH.activation();
        for (double x : new double[] {-40.0, -12.0, -5.0, 0.3, 5.0, 8.0, 12.0, 19.0, 25.0, 100.0, 300.0}) {
            double cosh = Math.cosh(x);
            assertEquals(1.0 / (cosh * cosh), tanh.derivative(x), 1e-13 / (cosh * cosh), "phi'(" + x + ")");
            for (double d : new double[] {1e-200, 1e-10, -1e-3, 0.5, -0.5, 0.625, -0.7, 1.3, -3.0, 11.0, -45.0}) {
                double expected = Math.sinh(d) / (cosh * Math.cosh(x + d));
                assertEquals(expected, tanh.difference(x, d), 1e-13 * Math.abs(expected), "x = " + x + ", d = " + d);
            }
        }
    }
}
