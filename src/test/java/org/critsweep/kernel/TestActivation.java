package org.critsweep.kernel;

import java.util.function.DoubleUnaryOperator;

/**
 * A test-only φ built from two functions, for activations no campaign offers: ones that return NaN for huge arguments
 * or have an absurd slope. No built-in activation does either inside the range the kernel allows (checked in
 * {@link NumericalFaultTest}); these exercise the kernel's guard against any φ.
 */
public record TestActivation(String name, DoubleUnaryOperator phi, DoubleUnaryOperator slope) implements Activation {

    /** φ = x up to |x| = limit; beyond it φ′ is NaN, and so is φ when {@code valueToo}. */
    public static TestActivation nanBeyond(double limit, boolean valueToo) {
        return new TestActivation("nan_beyond", x -> Math.abs(x) <= limit || !valueToo ? x : Double.NaN,
                x -> Math.abs(x) <= limit ? 1.0 : Double.NaN);
    }

    /** φ = x with φ′ = 1e200: a tangent through it overflows at the first layer. */
    public static TestActivation steepSlope() {
        return new TestActivation("steep_slope", x -> x, x -> 1e200);
    }

    @Override
    public double value(double x) {
        return phi.applyAsDouble(x);
    }

    @Override
    public double derivative(double x) {
        return slope.applyAsDouble(x);
    }

    @Override
    public double secondDerivative(double x) {
        return 0.0;
    }

    @Override
    public boolean isOdd() {
        return false;
    }

    /** The plain subtraction: these activations are linear where they are finite. */
    @Override
    public double difference(double x, double d) {
        return value(x + d) - value(x);
    }
}
