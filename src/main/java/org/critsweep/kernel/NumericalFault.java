package org.critsweep.kernel;

/**
 * A propagation left the range where its observables mean anything (a length overflowed to ∞ or collapsed to 0).
 * Thrown instead of letting a NaN reach a table; the message names the layer and the quantity.
 */
public final class NumericalFault extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public NumericalFault(String message) {
        super(message);
    }
}
