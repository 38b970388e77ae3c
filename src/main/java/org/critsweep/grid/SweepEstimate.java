package org.critsweep.grid;

/**
 * What a sweep costs, by the counts the cost model charges ({@link CostModel}): its kernel work in weight updates and in
 * replica-layers (a layer of one replica, whatever its width), the {@code raw} rows it writes, its tasks and its points. Its core-seconds are the work the cores do; its wall time on
 * a number of cores adds the fixed start-up, which no number of cores shortens.
 */
public record SweepEstimate(double weightUpdates, double replicaLayers, double rows, double tasks, double points) {

    /** No work: the sum of no points. */
    public static final SweepEstimate NOTHING = new SweepEstimate(0, 0, 0, 0, 0);

    public SweepEstimate plus(SweepEstimate other) {
        return new SweepEstimate(weightUpdates + other.weightUpdates, replicaLayers + other.replicaLayers,
                rows + other.rows, tasks + other.tasks, points + other.points);
    }

    /** Single-core seconds of the kernel and of the rows, tasks and points around it; the start-up excluded. */
    public double coreSeconds() {
        return weightUpdates * CostModel.SECONDS_PER_WEIGHT + replicaLayers * CostModel.SECONDS_PER_LAYER
                + rows * CostModel.SECONDS_PER_ROW
                + tasks * CostModel.SECONDS_PER_TASK + points * CostModel.SECONDS_PER_POINT;
    }

    /**
     * Wall seconds of the sweep on {@code cores} cores: the start-up, then the core-seconds shared evenly (the tasks
     * are balanced across the cores, each about a second long).
     *
     * @throws IllegalArgumentException when {@code cores} is below 1
     */
    public double wallSeconds(int cores) {
        if (cores < 1) {
            throw new IllegalArgumentException("cores: expected >= 1, got " + cores);
        }
        return CostModel.STARTUP_SECONDS + coreSeconds() / cores;
    }
}
