package org.critsweep.grid;

import org.critsweep.kernel.Labelled;

/**
 * How a layer's random weights are sampled: {@code gram} draws the next layer from its exact Gaussian law given the
 * current one (O(N) per layer, MLP only; PHYSICS.md §3); {@code dense} draws every weight (O(N²) per layer), the
 * reference the Gram sampler is tested against.
 */
public enum Sampler implements Labelled {
    GRAM,
    DENSE;

    @Override
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
