package org.critsweep.kernel;

/**
 * Where a quantity growing or decaying geometrically over layers, ln v_l = ln v_0 + l·ln(factor), first passes a bound:
 * the closed-form fault layer of a net whose q follows a power of σ_w (test helper). It refuses a crossing closer to
 * the bound than {@link #MARGIN} in ln on either side, where a replica's fluctuations could move it.
 */
public final class PowerLawCrossing {

    /** ln 2^500: the kernel's squared lengths must stay in [2^-500, 2^500] (docs/ERRORS.md, Numerical faults). */
    public static final double LN_RANGE = 500 * Math.log(2);
    /** In ln: far beyond the replica-to-replica spread of ln q over ten layers of width ≥ 8 (a few units). */
    public static final double MARGIN = 10.0;

    private PowerLawCrossing() {
    }

    /** The first layer l ≥ 0 with lnStart + l·lnPerLayer past lnBound (upwards for a growth, downwards for a decay). */
    public static int layer(double lnStart, double lnPerLayer, double lnBound) {
        double direction = Math.signum(lnPerLayer);
        int layer = 0;
        while (direction * (lnStart + layer * lnPerLayer - lnBound) < 0) {
            layer++;
        }
        double after = direction * (lnStart + layer * lnPerLayer - lnBound);
        double before = direction * (lnBound - lnStart - (layer - 1) * lnPerLayer);
        if (after < MARGIN || (layer > 0 && before < MARGIN)) {
            throw new IllegalArgumentException("the crossing at layer " + layer + " is within " + MARGIN
                    + " in ln of the bound: fluctuations could move it");
        }
        return layer;
    }
}
