package org.critsweep.kernel;

/** φ = sin. */
final class Sin implements Activation {

    @Override
    public String name() {
        return "sin";
    }

    @Override
    public double value(double x) {
        return Math.sin(x);
    }

    @Override
    public double derivative(double x) {
        return Math.cos(x);
    }

    @Override
    public double secondDerivative(double x) {
        return -Math.sin(x);
    }

    @Override
    public boolean isOdd() {
        return true;
    }

    /** sin(x + d) − sin(x) = 2 cos(x + d/2) sin(d/2): no cancellation. */
    @Override
    public double difference(double x, double d) {
        return 2.0 * Math.cos(x + 0.5 * d) * Math.sin(0.5 * d);
    }
}
