package org.critsweep.grid;

/**
 * Estimated work of a replica, in weight-column updates: the dense sampler draws N² weights per layer and
 * multiplies each into the three columns (replica a, difference, tangent).
 */
public final class CostModel {

    /** Measured order of magnitude of one weight update on one core (JDK ziggurat Gaussian + 3 FMAs). */
    public static final double SECONDS_PER_WEIGHT = 5e-9;

    private CostModel() {
    }

    /** Weights drawn to propagate one replica of the point through all its layers. */
    public static double perReplica(GridPoint point) {
        return switch (point.sampler()) {
            case DENSE -> (double) point.depth() * point.width() * point.width();
        };
    }
}
