package org.critsweep.grid;

/** How a layer's random weights are sampled: {@code dense} draws every weight (O(N²) per layer). */
public enum Sampler {
    DENSE;

    /** The name used in campaign files and tables. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
