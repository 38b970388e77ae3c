package org.critsweep.grid;

/**
 * Estimated work of a replica, in weight-column updates: the dense sampler draws N² weights per layer and
 * multiplies each into the three columns (replica a, difference, tangent); a Gram layer costs about
 * {@value #GRAM_NEURON_COST} such updates per neuron (three Gaussians, the activations, the thin QR).
 */
public final class CostModel {

    /** Weight updates one neuron of a Gram layer costs (PLATFORM.md: the Gram/dense speed-up grows like N/12). */
    public static final double GRAM_NEURON_COST = 12.0;

    /** Measured order of magnitude of one weight update on one core (JDK ziggurat Gaussian + 3 FMAs). */
    public static final double SECONDS_PER_WEIGHT = 5e-9;

    private CostModel() {
    }

    /** Kernel taps k^d of a CNN; 1 for an MLP. */
    private static double taps(GridPoint point) {
        return Math.pow(Math.max(1, point.kernelSize()), point.arch().dimensions());
    }

    /** Weights drawn to propagate one replica of the point through all its layers. */
    public static double perReplica(GridPoint point) {
        return switch (point.sampler()) {
            case DENSE -> (double) point.depth() * point.width() * point.width() * point.sites() * taps(point);
            case GRAM -> point.depth() * point.width() * GRAM_NEURON_COST;
        };
    }
}
