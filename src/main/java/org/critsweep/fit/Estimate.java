package org.critsweep.fit;

import java.util.Locale;

/**
 * An estimate a campaign can ask for ({@code analysis.exponents}), by its label; the critical point is always made.
 */
public enum Estimate {
    /** The critical decay exponent δ. */
    DELTA,
    /** The order-parameter exponent β (off-critical). */
    BETA,
    /** The correlation-depth exponent ν_∥ (off-critical). */
    NU_PAR,
    /** The finite-size-scaling collapses across sizes. */
    FSS;

    /** The label in campaign files and tables: the constant's name in lower case. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The label, as the campaign file writes it. */
    @Override
    public String toString() {
        return label();
    }
}
