package org.critsweep.fit;

/**
 * An estimate a campaign can ask for ({@code analysis.exponents}), by its label; the critical point is always made.
 */
public enum Estimate {
    /** The critical decay exponent δ. */
    DELTA("delta"),
    /** The order-parameter exponent β (off-critical). */
    BETA("beta"),
    /** The correlation-depth exponent ν_∥ (off-critical). */
    NU_PAR("nu_par"),
    /** The finite-size-scaling collapses across sizes. */
    FSS("fss");

    private final String label;

    Estimate(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The label, as the campaign file writes it. */
    @Override
    public String toString() {
        return label;
    }
}
