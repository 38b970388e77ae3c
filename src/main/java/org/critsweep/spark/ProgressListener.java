package org.critsweep.spark;

/** Receives (finished, total) partitions of a running sweep; called on Spark's listener thread. */
@FunctionalInterface
public interface ProgressListener {
    void update(int finished, int total);
}
