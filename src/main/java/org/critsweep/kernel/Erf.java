package org.critsweep.kernel;

/** φ = erf (not rescaled), whose Gaussian integrals have closed forms (SCIENCE.md §4). */
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
}
