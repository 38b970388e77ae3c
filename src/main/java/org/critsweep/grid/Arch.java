package org.critsweep.grid;

import org.critsweep.kernel.Labelled;

/** Network architectures a campaign can sweep. */
public enum Arch implements Labelled {
    MLP(0),
    CNN1D(1),
    CNN2D(2);

    private final int dimensions;

    Arch(int dimensions) {
        this.dimensions = dimensions;
    }

    /** The lattice dimension of a CNN; 0 for an MLP. */
    public int dimensions() {
        return dimensions;
    }

    public boolean convolutional() {
        return dimensions > 0;
    }

    @Override
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
