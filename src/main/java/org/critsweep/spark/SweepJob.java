package org.critsweep.spark;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.critsweep.grid.CampaignPlan;
import org.critsweep.grid.GridPoint;
import org.critsweep.grid.GridSpec;
import org.critsweep.grid.SweepTask;
import org.critsweep.grid.TaskPlanner;

/**
 * The sweep: distributes the plan's tasks over Spark partitions (balanced by estimated cost), runs the kernel in
 * {@code mapPartitions}, and writes the {@code raw} and {@code points} tables. Only small task descriptors travel
 * from the driver; rows are made inside the tasks.
 */
public final class SweepJob {

    static final String JOB_GROUP = "critsweep-sweep";
    /** Partitions per core: enough to balance uneven tasks and to show progress, few enough to stay cheap. */
    private static final int PARTITIONS_PER_CORE = 8;

    private SweepJob() {
    }

    /** Runs the sweep with one partition per balanced bin of tasks, {@code partitions} bins at most. */
    public static void run(SparkSession spark, CampaignPlan plan, CampaignStore store, int partitions,
                           ProgressListener progress) {
        List<List<SweepTask>> bins = TaskPlanner.balance(plan.tasks(), partitions);
        long seed = plan.campaign().seed();
        GridSpec grid = plan.campaign().grid();
        JavaSparkContext context = JavaSparkContext.fromSparkContext(spark.sparkContext());
        SweepProgress listener = new SweepProgress(JOB_GROUP, bins.size(), progress);
        spark.sparkContext().addSparkListener(listener);
        try {
            context.setJobGroup(JOB_GROUP, "critsweep sweep of " + plan.campaign().name(), false);
            JavaRDD<Row> rows = context.parallelize(new ArrayList<>(bins), bins.size())
                    .mapPartitions(binIterator -> {
                        List<SweepTask> tasks = new ArrayList<>();
                        binIterator.forEachRemaining(tasks::addAll);
                        return tasks.stream().flatMap(t -> ReplicaRows.of(t, seed, grid).stream()).iterator();
                    });
            spark.createDataFrame(rows, Tables.RAW_SCHEMA).write().mode(SaveMode.Overwrite)
                    .parquet(store.table(Tables.RAW));
        } finally {
            context.clearJobGroup();
            spark.sparkContext().removeSparkListener(listener);
        }
        writePoints(spark, plan, store);
    }

    /** The default partition count: {@value #PARTITIONS_PER_CORE} per core Spark reports. */
    public static int defaultPartitions(SparkSession spark) {
        return PARTITIONS_PER_CORE * spark.sparkContext().defaultParallelism();
    }

    private static void writePoints(SparkSession spark, CampaignPlan plan, CampaignStore store) {
        int replicas = plan.campaign().grid().replicas();
        // Points that differ only in width (or CNN size) share their mean-field fixed point: compute it once.
        java.util.Map<List<Object>, java.util.Optional<org.critsweep.theory.MeanFieldPoint>> fixedPoints =
                new java.util.HashMap<>();
        List<Row> rows = plan.points().stream().map(p -> pointRow(p, replicas, fixedPoints.computeIfAbsent(
                List.of(p.activation(), p.sigmaW(), p.sigmaB()), k -> TheoryStage.fixedPoint(p)))).toList();
        spark.createDataFrame(rows, Tables.POINTS_SCHEMA).coalesce(1).write().mode(SaveMode.Overwrite)
                .parquet(store.table(Tables.POINTS));
    }

    private static Row pointRow(GridPoint p, int replicas, java.util.Optional<org.critsweep.theory.MeanFieldPoint> theory) {
        boolean cnn = p.arch().convolutional();
        return RowFactory.create(p.pointId(), p.arch().label(), p.activation(), p.sampler().label(), p.sigmaW(),
                p.sigmaB(), p.width(), p.depth(), cnn ? p.size() : null, cnn ? p.kernelSize() : null,
                cnn ? p.protocol().label() : null, p.q0(), p.c0(), replicas, "done",
                theory.map(t -> t.qStar()).orElse(null), theory.map(t -> t.chi1()).orElse(null),
                theory.map(t -> Tables.finiteOrNull(t.xiC())).orElse(null), theory.map(t -> t.kappa()).orElse(null),
                theory.map(t -> t.phase().label()).orElse("unbounded"));
    }

}
