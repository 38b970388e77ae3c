package org.critsweep.theory;

/** Which side of the order-to-chaos transition a point lies on, from χ₁ (PHYSICS.md §4). */
public enum Phase {
    ORDERED,
    CRITICAL,
    CHAOTIC;

    /** |χ₁ − 1| below this counts as critical: the reference values are known to ~1e-12. */
    static final double CRITICAL_TOLERANCE = 1e-9;

    static Phase of(double chi1) {
        if (Math.abs(chi1 - 1.0) <= CRITICAL_TOLERANCE) {
            return CRITICAL;
        }
        return chi1 < 1.0 ? ORDERED : CHAOTIC;
    }

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
