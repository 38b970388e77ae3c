package org.critsweep.fit;

/** What a scaling family's size is: an MLP's width N, or a CNN's lattice size L (its channel count is fixed). */
public enum SizeVariable {
    /**
     * The width N: the critical point is extrapolated in 1/N, λ_N collapses, and the layers scale with N (PHYSICS.md
     * §5).
     */
    WIDTH("N"),
    /** The lattice size L, at a fixed channel count C: the depth-scan collapse measures z. */
    LATTICE("L");

    private final String symbol;

    SizeVariable(String symbol) {
        this.symbol = symbol;
    }

    /** N or L, as the fit tables' scopes and windows write it. */
    public String symbol() {
        return symbol;
    }
}
