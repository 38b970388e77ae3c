package org.critsweep.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Validation at the boundary: one bad field per row, with the exact message. */
class NetworkSpecTest {

    private static final Activation TANH = ActivationKind.TANH.activation();

    @Test
    void validSpecKeepsEveryFieldInPlace() {
        NetworkSpec spec = new NetworkSpec(TANH, 1.3, 0.7, 11, 13, 1.7, 0.5);

        assertEquals(TANH, spec.activation());
        assertEquals(1.3, spec.sigmaW());
        assertEquals(0.7, spec.sigmaB());
        assertEquals(11, spec.width());
        assertEquals(13, spec.depth());
        assertEquals(1.7, spec.q0());
        assertEquals(0.5, spec.c0());
    }

    @ParameterizedTest
    @MethodSource("badSpecs")
    void badFieldIsRejectedWithItsNameAndValue(Runnable construct, String message) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, construct::run);
        assertEquals(message, e.getMessage());
    }

    static Stream<Arguments> badSpecs() {
        return Stream.of(
                bad(() -> new NetworkSpec(null, 1.3, 0.7, 11, 13, 1.7, 0.5), "activation: required"),
                bad(() -> new NetworkSpec(TANH, 0.0, 0.7, 11, 13, 1.7, 0.5),
                        "sigma_w: expected a finite value > 0, got 0.0"),
                bad(() -> new NetworkSpec(TANH, Double.NaN, 0.7, 11, 13, 1.7, 0.5),
                        "sigma_w: expected a finite value > 0, got NaN"),
                bad(() -> new NetworkSpec(TANH, Double.POSITIVE_INFINITY, 0.7, 11, 13, 1.7, 0.5),
                        "sigma_w: expected a finite value > 0, got Infinity"),
                bad(() -> new NetworkSpec(TANH, 1.3, -0.7, 11, 13, 1.7, 0.5),
                        "sigma_b: expected a finite value >= 0, got -0.7"),
                bad(() -> new NetworkSpec(TANH, 1.3, Double.NaN, 11, 13, 1.7, 0.5),
                        "sigma_b: expected a finite value >= 0, got NaN"),
                bad(() -> new NetworkSpec(TANH, 1.3, 0.7, 1, 13, 1.7, 0.5), "width: expected >= 2, got 1"),
                bad(() -> new NetworkSpec(TANH, 1.3, 0.7, 11, 0, 1.7, 0.5), "depth: expected >= 1, got 0"),
                bad(() -> new NetworkSpec(TANH, 1.3, 0.7, 11, 13, -1.7, 0.5), "q0: expected a finite value > 0, got -1.7"),
                bad(() -> new NetworkSpec(TANH, 1.3, 0.7, 11, 13, 1.7, 1.5), "c0: expected a value in [-1, 1], got 1.5"),
                bad(() -> new NetworkSpec(TANH, 1.3, 0.7, 11, 13, 1.7, Double.NaN),
                        "c0: expected a value in [-1, 1], got NaN"));
    }

    private static Arguments bad(Runnable construct, String message) {
        return Arguments.of(construct, message);
    }
}
