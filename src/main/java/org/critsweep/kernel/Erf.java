package org.critsweep.kernel;

/** φ = erf (not rescaled), whose Gaussian integrals have closed forms (PHYSICS.md §4). */
final class Erf implements Activation {

    private static final double TWO_OVER_SQRT_PI = 2.0 / Math.sqrt(Math.PI);

    @Override
    public String name() {
        return "erf";
    }

    @Override
    public double value(double x) {
        return org.apache.commons.math3.special.Erf.erf(x);
    }

    @Override
    public double derivative(double x) {
        return TWO_OVER_SQRT_PI * Math.exp(-x * x);
    }

    @Override
    public double secondDerivative(double x) {
        return -2.0 * x * derivative(x);
    }

    @Override
    public boolean isOdd() {
        return true;
    }

    /**
     * For steps larger than the Gauss–Legendre range, erf(y) − erf(x) = erfc(x) − erfc(y) when x and y = x + d are on
     * the same side of 0: the complements are small and accurate where erf itself rounds to ±1.
     */
    @Override
    public double difference(double x, double d) {
        double y = x + d;
        if (Math.abs(d) <= SMALL_DIFFERENCE || (x >= 0.0) != (y >= 0.0)) {
            return Activation.super.difference(x, d);
        }
        double sign = x >= 0.0 ? 1.0 : -1.0;
        return sign * (org.apache.commons.math3.special.Erf.erfc(Math.abs(x))
                - org.apache.commons.math3.special.Erf.erfc(Math.abs(y)));
    }
}
