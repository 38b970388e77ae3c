package org.critsweep.kernel;

/** φ = x: the deep linear network, whose finite-width statistics are known exactly (PHYSICS.md §5). */
final class Linear implements Activation {

    @Override
    public String name() {
        return "linear";
    }

    @Override
    public double value(double x) {
        return x;
    }

    @Override
    public double derivative(double x) {
        return 1.0;
    }

    @Override
    public double secondDerivative(double x) {
        return 0.0;
    }

    @Override
    public boolean isOdd() {
        return true;
    }

    @Override
    public double difference(double x, double d) {
        return d;
    }
}
