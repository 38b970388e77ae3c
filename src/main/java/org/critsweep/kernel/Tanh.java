package org.critsweep.kernel;

/** φ = tanh, the primary activation of SCIENCE.md. */
final class Tanh implements Activation {

    @Override
    public String name() {
        return "tanh";
    }

    @Override
    public double value(double x) {
        return Math.tanh(x);
    }

    @Override
    public double derivative(double x) {
        double t = Math.tanh(x);
        return 1.0 - t * t;
    }

    @Override
    public double secondDerivative(double x) {
        double t = Math.tanh(x);
        return -2.0 * t * (1.0 - t * t);
    }

    @Override
    public boolean isOdd() {
        return true;
    }

    /** tanh(x + d) − tanh(x) = tanh(d)(1 − tanh(x) tanh(x + d)): no cancellation (SCIENCE.md §2). */
    @Override
    public double difference(double x, double d) {
        return Math.tanh(d) * (1.0 - Math.tanh(x) * Math.tanh(x + d));
    }
}
