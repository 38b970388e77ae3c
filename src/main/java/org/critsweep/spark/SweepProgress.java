package org.critsweep.spark;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerStageSubmitted;
import org.apache.spark.scheduler.SparkListenerTaskEnd;

/** Counts the finished Spark tasks of the sweep's stages (those of one job group) and reports them. */
final class SweepProgress extends SparkListener {

    private final String jobGroup;
    private final int total;
    private final ProgressListener listener;
    private final Set<Integer> stages = ConcurrentHashMap.newKeySet();
    private final AtomicInteger finished = new AtomicInteger();

    SweepProgress(String jobGroup, int total, ProgressListener listener) {
        this.jobGroup = jobGroup;
        this.total = total;
        this.listener = listener;
    }

    @Override
    public void onStageSubmitted(SparkListenerStageSubmitted event) {
        if (event.properties() != null && jobGroup.equals(event.properties().getProperty("spark.jobGroup.id"))) {
            stages.add(event.stageInfo().stageId());
        }
    }

    @Override
    public void onTaskEnd(SparkListenerTaskEnd event) {
        if (stages.contains(event.stageId()) && event.taskInfo().successful()) {
            listener.update(finished.incrementAndGet(), total);
        }
    }
}
