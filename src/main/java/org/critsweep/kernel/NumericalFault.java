package org.critsweep.kernel;

import java.util.Locale;

/**
 * Why a replica stopped before its last layer: at {@code layer} one of the lengths every layer computes anyway left the
 * range in which the observables are finite doubles ({@link LayerLengths}). The layers before it were handed to the
 * sink and are valid; nothing from {@code layer} on is. The replica stops there and the next one starts from fresh
 * inputs, so a fault depends on the replica's key only (docs/ERRORS.md, "Numerical faults").
 *
 * @param layer the first layer whose observables are unusable
 * @param kind  what left the range
 */
public record NumericalFault(int layer, Kind kind) {

    /** What left the range; {@link #label()} is what {@code raw.fault} holds. */
    public enum Kind {
        /** |h^a|², |h^b|², or σ_w²|φ(h^a)|² + Nσ_b² (the next layer's expected |h^a|²), above 2^500. */
        Q_OVERFLOW,
        /** |h^a|² or |h^b|² below 2^-500 (exactly 0 when every ReLU is off with σ_b = 0); for a CNN, at any site. */
        Q_UNDERFLOW,
        /** The tangent's length overflowed: φ′ so large that |W(φ′ ⊙ u)| is infinite for a unit u. */
        TANGENT_OVERFLOW,
        /** A NaN. With every length in range the layer maps only form finite numbers, so φ, φ′ or φ's step made it. */
        NAN_ACTIVATION;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
