package org.critsweep.grid;

import org.critsweep.kernel.Labelled;

/**
 * Network architectures a campaign can sweep: the MLP, the CNN on a periodic 1D or 2D lattice, and its locally
 * connected control (the same lattice net with a fresh filter per site as well as per layer, PHYSICS.md §1).
 */
public enum Arch implements Labelled {
    MLP(0, true),
    CNN1D(1, true),
    CNN2D(2, true),
    LCN1D(1, false),
    LCN2D(2, false);

    private final int dimensions;
    private final boolean sharedWeights;

    Arch(int dimensions, boolean sharedWeights) {
        this.dimensions = dimensions;
        this.sharedWeights = sharedWeights;
    }

    /** The lattice dimension of a CNN or LCN; 0 for an MLP. */
    public int dimensions() {
        return dimensions;
    }

    /** A lattice net (CNN or LCN): channels per site, a kernel, a protocol, the spreading observables. */
    public boolean convolutional() {
        return dimensions > 0;
    }

    /** Whether a layer's filter is shared by every site (MLP and CNN) or drawn afresh per site (LCN). */
    public boolean sharedWeights() {
        return sharedWeights;
    }

    @Override
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
