package org.critsweep.spark;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerStageSubmitted;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.critsweep.grid.SweepTask;

/**
 * Counts the sweep's finished tasks — the plan's unit, several to a Spark partition — and the Spark-task time they
 * took, and reports them. A batch's Spark stage is recognised by the batch number its job carries as the local
 * property {@value #BATCH}; a partition's index names its bin of sweep tasks.
 */
final class SweepProgress extends SparkListener {

    /** The local property that tells a sweep job's batch. */
    static final String BATCH = "critsweep.sweep.batch";

    private final List<List<List<SweepTask>>> bins;
    private final int cores;
    private final ProgressListener listener;
    private final int totalTasks;
    private final double totalCost;
    private final Map<Integer, Integer> batchOfStage = new ConcurrentHashMap<>();
    private int finishedTasks;
    private int finishedParts;
    private double taskSeconds;
    private double finishedCost;

    /**
     * @param bins  per batch, the sweep tasks of each of its Spark partitions
     * @param cores the cores the tasks share
     */
    SweepProgress(List<List<List<SweepTask>>> bins, int cores, ProgressListener listener) {
        this.bins = bins;
        this.cores = cores;
        this.listener = listener;
        this.totalTasks = bins.stream().flatMap(List::stream).mapToInt(List::size).sum();
        this.totalCost = bins.stream().flatMap(List::stream).flatMap(List::stream).mapToDouble(SweepTask::cost).sum();
    }

    @Override
    public void onStageSubmitted(SparkListenerStageSubmitted event) {
        String batch = event.properties() == null ? null : event.properties().getProperty(BATCH);
        if (batch != null) {
            batchOfStage.put(event.stageInfo().stageId(), Integer.parseInt(batch));
        }
    }

    @Override
    public void onTaskEnd(SparkListenerTaskEnd event) {
        Integer batch = batchOfStage.get(event.stageId());
        if (batch == null || !event.taskInfo().successful()) {
            return;
        }
        List<SweepTask> bin = bins.get(batch).get(event.taskInfo().index());
        ProgressListener.SweepTally tally;
        synchronized (this) {
            finishedTasks += bin.size();
            finishedParts++;
            taskSeconds += event.taskInfo().duration() / 1e3;
            finishedCost += bin.stream().mapToDouble(SweepTask::cost).sum();
            tally = new ProgressListener.SweepTally(finishedTasks, finishedParts, totalTasks, taskSeconds,
                    finishedCost, totalCost, cores);
        }
        listener.sweep(tally);
    }
}
