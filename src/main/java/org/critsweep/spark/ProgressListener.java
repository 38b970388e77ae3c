package org.critsweep.spark;

/**
 * Receives (finished, total) partitions of a running sweep, called on Spark's listener thread, and the start of each
 * later stage.
 */
@FunctionalInterface
public interface ProgressListener {
    void update(int finished, int total);

    /** A stage after the sweep starts: theory, aggregate, fit or report. */
    default void stage(String name) {
    }
}
