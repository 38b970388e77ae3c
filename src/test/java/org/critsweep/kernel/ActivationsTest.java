package org.critsweep.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Each activation's derivatives and its cancellation-free difference φ(x + d) − φ(x) (PHYSICS.md §1–2). */
class ActivationsTest {

    /** Points away from sin's zeros of cos (±π/2), where the relative precision of any formula is limited. */
    private static final double[] POINTS = {-2.9, -1.3, -0.37, 0.0, 0.61, 1.7, 2.3};
    /** ±1/16 is the largest step of the Gauss–Legendre branch of the default difference. */
    private static final double[] STEPS = {0x1p-4, 1e-3, 1e-10, 1e-200, -0x1p-4, -1e-3, -1e-10, -1e-200};
    /** Central differences with h = 1e-5: truncation h²|φ‴|/6 ≲ 1e-10 and rounding ε/h ≈ 1e-11, far below 1e-8. */
    private static final double H = 1e-5;
    private static final double FINITE_DIFFERENCE_TOLERANCE = 1e-8;
    /**
     * Taylor terms kept in the reference difference: for |d| ≤ 1/16 the first one dropped is below 1e-18 relative
     * (tanh's series converges like (2d/π)^k; erf and sin are entire).
     */
    private static final int TAYLOR_TERMS = 12;

    @Test
    void namesAreTheDocumentedOnesInTheirDocumentedOrder() {
        assertEquals(List.of("tanh", "erf", "sin", "relu", "linear"), ActivationKind.labels());
    }

    @Test
    void unknownNameIsRejectedWithTheAllowedNames() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ActivationKind.ofLabel("softplus"));
        assertEquals("activation: unknown 'softplus'; allowed: tanh, erf, sin, relu, linear", e.getMessage());
    }

    @ParameterizedTest
    @MethodSource("activations")
    void derivativeMatchesCentralDifferenceOfTheValue(Activation phi) {
        for (double x : smoothPoints(phi)) {
            double centralDifference = (phi.value(x + H) - phi.value(x - H)) / (2 * H);
            assertEquals(centralDifference, phi.derivative(x), FINITE_DIFFERENCE_TOLERANCE, phi.name() + " at " + x);
        }
    }

    @ParameterizedTest
    @MethodSource("activations")
    void secondDerivativeMatchesCentralDifferenceOfTheDerivative(Activation phi) {
        for (double x : smoothPoints(phi)) {
            double centralDifference = (phi.derivative(x + H) - phi.derivative(x - H)) / (2 * H);
            assertEquals(centralDifference, phi.secondDerivative(x), FINITE_DIFFERENCE_TOLERANCE,
                    phi.name() + " at " + x);
        }
    }

    @ParameterizedTest
    @MethodSource("activations")
    void oddnessFlagMatchesTheFunction(Activation phi) {
        boolean odd = true;
        for (double x : POINTS) {
            odd &= phi.value(-x) == -phi.value(x);
        }
        assertEquals(odd, phi.isOdd(), phi.name());
    }

    /** The reference is a Taylor series in d (or exact decimal arithmetic), not the formula under test. */
    @ParameterizedTest
    @MethodSource("differenceCases")
    void differenceKeepsFullRelativePrecisionInD(Activation phi, double x, double d) {
        double truth = referenceDifference(phi.name(), x, d);
        String what = phi.name() + "(" + x + " + " + d + ") − " + phi.name() + "(" + x + ")";
        assertCloseRelative(truth, phi.difference(x, d), what);
        assertCloseRelative(truth, phi.difference(x, d, phi.value(x), phi.derivative(x)), what + ", given φ(x) and φ′(x)");
    }

    private static void assertCloseRelative(double truth, double actual, String what) {
        if (truth == 0.0) {
            assertEquals(0.0, actual, what);
        } else {
            // A handful of roundings in each formula: 1e-13 relative is ~500 ulps of headroom.
            assertEquals(truth, actual, 1e-13 * Math.abs(truth), what);
        }
    }

    @ParameterizedTest
    @CsvSource({"-0.37, 1.0", "0.61, -1.3", "-0.37, 0.37", "0.0, 0.61", "0.61, -0.61"})
    void reluDifferenceAcrossTheKinkIsExact(double x, double d) {
        assertEquals(exactDecimal(x, d, true), ActivationKind.RELU.activation().difference(x, d));
    }

    static Stream<Activation> activations() {
        return Arrays.stream(ActivationKind.values()).map(ActivationKind::activation);
    }

    static Stream<Arguments> differenceCases() {
        Stream.Builder<Arguments> cases = Stream.builder();
        for (ActivationKind kind : ActivationKind.values()) {
            Activation phi = kind.activation();
            for (double x : POINTS) {
                for (double d : STEPS) {
                    cases.add(Arguments.of(phi, x, d));
                }
            }
        }
        return cases.build();
    }

    /** ReLU's kink at 0 has no derivative; every other point is smooth for every activation. */
    private static double[] smoothPoints(Activation phi) {
        return "relu".equals(phi.name())
                ? Arrays.stream(POINTS).filter(x -> Math.abs(x) > 2 * H).toArray()
                : POINTS;
    }

    private static double referenceDifference(String name, double x, double d) {
        switch (name) {
            case "tanh":
                return tanhTaylorDifference(x, d);
            case "erf":
                return erfTaylorDifference(x, d);
            case "sin":
                return sinTaylorDifference(x, d);
            case "relu":
                return exactDecimal(x, d, true);
            case "linear":
                return exactDecimal(x, d, false);
            default:
                throw new AssertionError("no reference difference for activation " + name);
        }
    }

    /** Σ_k tanh^(k)(x) d^k/k! with tanh^(k) = sech²(x) Q_k(tanh x), Q_1 = 1, Q_{k+1} = −2t Q_k + (1 − t²) Q_k′. */
    private static double tanhTaylorDifference(double x, double d) {
        double t = Math.tanh(x);
        double sech2 = MeanFieldQuadrature.tanhPrime(x);
        double[] derivatives = new double[TAYLOR_TERMS + 1];
        double[] q = {1.0};
        for (int k = 1; k <= TAYLOR_TERMS; k++) {
            derivatives[k] = sech2 * polynomial(q, t);
            double[] next = new double[q.length + 1];
            for (int i = 0; i < q.length; i++) {
                next[i + 1] += -2.0 * q[i];
                if (i >= 1) {
                    next[i - 1] += i * q[i];
                    next[i + 1] -= i * q[i];
                }
            }
            q = next;
        }
        return taylorSum(derivatives, d);
    }

    /** erf^(k)(x) = (2/√π)(−1)^{k−1} H_{k−1}(x) e^{−x²} with the physicists' Hermite polynomials. */
    private static double erfTaylorDifference(double x, double d) {
        double[] derivatives = new double[TAYLOR_TERMS + 1];
        double gaussian = 2.0 / Math.sqrt(Math.PI) * Math.exp(-x * x);
        double hermitePrevious = 0.0;
        double hermite = 1.0;
        for (int k = 1; k <= TAYLOR_TERMS; k++) {
            derivatives[k] = ((k % 2 == 1) ? 1.0 : -1.0) * hermite * gaussian;
            double next = 2.0 * x * hermite - 2.0 * (k - 1) * hermitePrevious;
            hermitePrevious = hermite;
            hermite = next;
        }
        return taylorSum(derivatives, d);
    }

    private static double sinTaylorDifference(double x, double d) {
        double[] cycle = {Math.sin(x), Math.cos(x), -Math.sin(x), -Math.cos(x)};
        double[] derivatives = new double[TAYLOR_TERMS + 1];
        for (int k = 1; k <= TAYLOR_TERMS; k++) {
            derivatives[k] = cycle[k % 4];
        }
        return taylorSum(derivatives, d);
    }

    /** Piecewise-linear φ in exact decimal arithmetic: max(x + d, 0) − max(x, 0), or just d. */
    private static double exactDecimal(double x, double d, boolean rectified) {
        BigDecimal a = new BigDecimal(x);
        BigDecimal b = a.add(new BigDecimal(d));
        if (rectified) {
            return b.max(BigDecimal.ZERO).subtract(a.max(BigDecimal.ZERO)).doubleValue();
        }
        return b.subtract(a).doubleValue();
    }

    /** Σ_{k≥1} φ^(k) d^k/k!, smallest terms first. */
    private static double taylorSum(double[] derivatives, double d) {
        double[] terms = new double[derivatives.length];
        double power = 1.0;
        for (int k = 1; k < derivatives.length; k++) {
            power *= d / k;
            terms[k] = derivatives[k] * power;
        }
        double sum = 0.0;
        for (int k = derivatives.length - 1; k >= 1; k--) {
            sum += terms[k];
        }
        return sum;
    }

    private static double polynomial(double[] coefficients, double t) {
        double value = 0.0;
        for (int i = coefficients.length - 1; i >= 0; i--) {
            value = value * t + coefficients[i];
        }
        return value;
    }
}
