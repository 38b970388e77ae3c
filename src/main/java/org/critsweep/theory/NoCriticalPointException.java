package org.critsweep.theory;

/** The requested critical point does not exist (e.g. ReLU at σ_b > 0); the message says why. */
public final class NoCriticalPointException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public NoCriticalPointException(String message) {
        super(message);
    }
}
