package org.critsweep.kernel;

/** How the two replicas of a CNN start (PHYSICS.md §2). */
public enum Protocol implements Labelled {
    /** Every site gets a pair with exact per-site q0 and correlation c0. */
    PAIR,
    /** The replicas are identical except at the seed site (the origin): a DP spreading experiment. */
    SPREADING;

    @Override
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
