package org.critsweep.grid;

import java.io.Serializable;

/**
 * The unit of work of a sweep: replicas {@code firstReplica .. firstReplica + replicaCount − 1} of one point.
 *
 * @param cost the estimated work, in the cost model's units (see {@link CostModel})
 */
public record SweepTask(GridPoint point, int firstReplica, int replicaCount, double cost) implements Serializable {
}
