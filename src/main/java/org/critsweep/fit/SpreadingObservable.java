package org.critsweep.fit;

/**
 * The three spreading observables and the exponent each gives (PHYSICS.md §6): P(l) ~ l^−δ′, N_a(l) ~ l^θ and
 * R²(l) ~ l^{2/z}; the exponent is read from the slope s of the observable on log-log axes. The verdict weighs them
 * as {@code delta_survival}, {@code theta} and {@code z_spreading} ({@link UniversalityClass}): a class without an
 * absorbing state need not have δ′ = δ.
 */
public enum SpreadingObservable {
    /** The survival probability P(l): δ′ = −s. */
    SURVIVAL("spreading_delta", "delta_survival"),
    /** The mean number of active sites over every replica, dead ones included: θ = s. */
    ACTIVE_SITES("spreading_theta", "theta"),
    /** The mean R² over the surviving replicas: z = 2/s. */
    SPREAD("spreading_z", "z_spreading");

    private final String quantity;
    private final String exponent;

    SpreadingObservable(String quantity, String exponent) {
        this.quantity = quantity;
        this.exponent = exponent;
    }

    /** The name of its rows in the {@code fits} table. */
    public String quantity() {
        return quantity;
    }

    /** The classifying exponent's name ({@link ExponentEvidence#quantity()}). */
    public String exponent() {
        return exponent;
    }

    /** The exponent of a log-log slope (∞ for a flat R², which the callers drop). */
    public double fromSlope(double slope) {
        return switch (this) {
            case SURVIVAL -> 0.0 - slope;
            case ACTIVE_SITES -> slope;
            case SPREAD -> 2.0 / slope;
        };
    }

    /** |d exponent / d slope|, to carry a slope's error to the exponent. */
    public double derivative(double slope) {
        return this == SPREAD ? 2.0 / (slope * slope) : 1.0;
    }
}
