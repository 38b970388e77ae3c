package org.critsweep.spark;

/**
 * Receives a run's progress: the sweep's finished tasks (the plan's unit), called on Spark's listener thread as each
 * Spark partition of tasks finishes, and the start and end of each stage.
 */
@FunctionalInterface
public interface ProgressListener {

    /** {@code finished} of the sweep's {@code total} tasks are done. */
    void update(int finished, int total);

    /** The sweep's tally, with the time its tasks took; by default just {@link #update}. */
    default void sweep(SweepTally tally) {
        update(tally.finishedTasks(), tally.totalTasks());
    }

    /** A stage starts: sweep, theory, aggregate, fit or report ({@link CampaignRun#STAGES}). */
    default void stage(String name) {
    }

    /** A stage ended after {@code seconds} of wall time. */
    default void stageDone(String name, double seconds) {
    }

    /**
     * The sweep so far.
     *
     * @param finishedTasks     sweep tasks done in this run
     * @param finishedParts     Spark partitions done (each holds a few tasks)
     * @param totalTasks        sweep tasks this run computes
     * @param taskSeconds       the summed Spark-task time of the finished tasks (core-seconds, write included)
     * @param finishedCost      the cost model's estimate for the finished tasks (its relative units)
     * @param totalCost         the cost model's estimate for all of this run's tasks
     * @param cores             the cores the tasks share
     */
    record SweepTally(int finishedTasks, int finishedParts, int totalTasks, double taskSeconds, double finishedCost,
                      double totalCost, int cores) {
    }
}
