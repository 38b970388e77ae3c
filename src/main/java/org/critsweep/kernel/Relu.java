package org.critsweep.kernel;

/** φ = max(x, 0); φ′ is taken as 0 at the kink, φ″ = 0 everywhere. */
final class Relu implements Activation {

    @Override
    public String name() {
        return "relu";
    }

    @Override
    public double value(double x) {
        return x > 0.0 ? x : 0.0;
    }

    @Override
    public double derivative(double x) {
        return x > 0.0 ? 1.0 : 0.0;
    }

    @Override
    public double secondDerivative(double x) {
        return 0.0;
    }

    @Override
    public boolean isSmooth() {
        return false;
    }

    @Override
    public boolean isOdd() {
        return false;
    }

    /** Exact on each linear piece; the plain subtraction only where x and x + d straddle the kink. */
    @Override
    public double difference(double x, double d) {
        double y = x + d;
        if (x > 0.0 && y > 0.0) {
            return d;
        }
        if (x <= 0.0 && y <= 0.0) {
            return 0.0;
        }
        return value(y) - value(x);
    }
}
