package org.critsweep.fit;

/** A per-layer replica mean the analysis reads with its standard error (the campaign's aggregated curves). */
public enum AggregatedCurve {
    /** ρ = 1 − c, for the effective exponent. */
    RHO,
    /** ln ρ, for the depth-scan collapse. */
    LN_RHO
}
