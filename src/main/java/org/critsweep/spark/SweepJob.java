package org.critsweep.spark;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;
import java.util.stream.Collectors;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.util.LongAccumulator;
import org.critsweep.grid.CampaignPlan;
import org.critsweep.grid.CostModel;
import org.critsweep.grid.GridPoint;
import org.critsweep.grid.GridSpec;
import org.critsweep.grid.SweepTask;
import org.critsweep.grid.TaskPlanner;
import org.critsweep.store.CampaignDamage;
import org.critsweep.store.CampaignStore;
import org.critsweep.store.PointCommits;
import org.critsweep.store.ProgressFile;
import org.critsweep.store.StorageFailure;
import org.critsweep.store.TableNames;
import org.critsweep.theory.MeanFieldPoint;

/**
 * The sweep: the work the committed points do not yet cover ({@link PointCommits}), in batches of whole points; each
 * batch distributes its tasks over Spark partitions (balanced by estimated cost), runs the kernel in
 * {@code mapPartitions}, writes its rows to staging and commits its points; two batches are in flight at a time, so the
 * cores never wait for a batch's tail or commit. A killed run loses at most the batches in flight; the next run
 * computes only what is missing. Only small task descriptors travel from the driver; rows are
 * made inside the tasks, and a replica's rows depend on its key only, so they are the same bytes in any batch.
 */
public final class SweepJob {

    static final String JOB_GROUP = "critsweep-sweep";
    /** Partitions per core: enough to balance uneven tasks and to show progress, few enough to stay cheap. */
    private static final int PARTITIONS_PER_CORE = 8;
    /** A batch holds about this share of the campaign's work: what a kill can lose, against one Spark job each. */
    private static final double BATCH_SHARE = 0.05;
    /**
     * ... but at least this much work per core (estimated core-seconds): a batch costs a few seconds of its own (a
     * Spark job, a staged write, the commit), which must stay small against its work — on conf/mlp-tanh-fss.conf,
     * batches of 30 core-seconds per core measured 15 % Spark overhead.
     */
    private static final double MIN_BATCH_CORE_SECONDS = 120.0;
    /** Batches in Spark at once: the one finishing and the next, which fills the cores the first one frees. */
    private static final int BATCHES_IN_FLIGHT = 2;
    private static final long STOP_WAIT_SECONDS = 30;

    /**
     * How the sweep is cut and spread.
     *
     * @param partitions   Spark partitions per batch, at most
     * @param batchSeconds estimated core-seconds per batch, or 0 for the default: {@value #BATCH_SHARE} of the
     *                     campaign, at least {@value #MIN_BATCH_CORE_SECONDS} per core
     */
    public record Settings(int partitions, double batchSeconds) {
    }

    /**
     * What the sweep did.
     *
     * @param pointsReused      points whose replicas were all committed before this run
     * @param pointsRepaired    committed points found damaged ({@link CampaignDamage}) and so computed again
     * @param tasksRun          the tasks computed by this run
     * @param kernelCoreSeconds time spent inside the kernel (propagation and row building), summed over tasks
     * @param wallSeconds       the sweep's wall time; with the cores, what Spark's overhead is measured against
     */
    public record Outcome(int pointsReused, int pointsRepaired, int tasksRun, int batches, double kernelCoreSeconds,
                          double wallSeconds) {
    }

    private SweepJob() {
    }

    /**
     * Removes what a killed run left, then the points still damaged ({@link CampaignDamage}); runs the missing work
     * batch by batch, then writes {@code points}.
     */
    public static Outcome run(SparkSession spark, CampaignPlan plan, CampaignStore store, Settings settings,
                              ProgressListener progress) {
        PointCommits commits = new PointCommits(store);
        commits.clean();
        Set<String> damaged = CampaignDamage.points(CampaignDamage.find(store));
        commits.discard(damaged);
        Map<String, Integer> committed = commits.committed();
        List<SweepTask> remaining = TaskPlanner.remaining(plan, committed);
        double target = settings.batchSeconds() > 0 ? settings.batchSeconds() / CostModel.SECONDS_PER_WEIGHT
                : Math.max(BATCH_SHARE * plan.totalCost(), MIN_BATCH_CORE_SECONDS
                        * spark.sparkContext().defaultParallelism() / CostModel.SECONDS_PER_WEIGHT);
        List<List<SweepTask>> batches = batches(remaining, target);
        List<List<List<SweepTask>>> bins = batches.stream()
                .map(b -> TaskPlanner.balance(b, settings.partitions())).toList();
        SweepProgress listener = new SweepProgress(bins, spark.sparkContext().defaultParallelism(), progress);
        spark.sparkContext().addSparkListener(listener);
        ProgressFile file = new ProgressFile(store, plan, committed);
        LongAccumulator kernelNanos = spark.sparkContext().longAccumulator("critsweep kernel nanoseconds");
        long started = System.nanoTime();
        try {
            runPipelined(batches.size(), b -> writeBatch(spark, plan, b, bins.get(b), commits.staging(b), kernelNanos),
                    b -> {
                        Map<String, Integer> after = replicasAfter(batches.get(b));
                        commits.commit(b, after);
                        file.committed(after);
                    }, () -> cancelRunningBatches(spark));
            commits.finish();
        } catch (RuntimeException | Error e) {
            awaitTasksStopped(spark);
            throw e;
        } finally {
            spark.sparkContext().removeSparkListener(listener);
        }
        double wall = (System.nanoTime() - started) / 1e9;
        writePoints(spark, plan, store);
        int reused = (int) plan.points().stream()
                .filter(p -> committed.getOrDefault(p.pointId(), 0) >= plan.campaign().grid().replicas()).count();
        return new Outcome(reused, damaged.size(), remaining.size(), batches.size(), kernelNanos.value() / 1e9, wall);
    }

    /**
     * Writes batches {@code 0 … count−1} with up to {@value #BATCHES_IN_FLIGHT} Spark jobs in flight and commits them
     * in order. Spark's FIFO scheduler starts the next batch's tasks as soon as the current one has none left to
     * launch, so its last tasks and its commit no longer leave cores idle. When a write or a commit fails, the writes
     * still in flight are cancelled and awaited before the failure is thrown (their own failures suppressed into it):
     * nothing writes to staging any more, so a resume in the same JVM cannot race a batch still being written.
     */
    static void runPipelined(int count, IntConsumer write, IntConsumer commit, Runnable cancel) {
        ExecutorService writers = Executors.newFixedThreadPool(BATCHES_IN_FLIGHT, r -> {
            Thread thread = new Thread(r, "critsweep-batch-writer");
            thread.setDaemon(true);
            return thread;
        });
        Deque<Future<?>> inFlight = new ArrayDeque<>();
        try {
            int committed = 0;
            for (int b = 0; b < count; b++) {
                int batch = b;
                inFlight.add(writers.submit(() -> write.accept(batch)));
                if (inFlight.size() == BATCHES_IN_FLIGHT) {
                    await(inFlight.poll());
                    commit.accept(committed++);
                }
            }
            while (!inFlight.isEmpty()) {
                await(inFlight.poll());
                commit.accept(committed++);
            }
        } catch (RuntimeException | Error e) {
            cancel.run();
            for (Future<?> stillWriting : inFlight) {
                try {
                    await(stillWriting);
                } catch (RuntimeException | Error alsoFailed) {
                    e.addSuppressed(alsoFailed);
                }
            }
            throw e;
        } finally {
            writers.shutdownNow();
        }
    }

    private static void await(Future<?> write) {
        try {
            write.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the sweep was writing a batch", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /**
     * Waits, at most {@value #STOP_WAIT_SECONDS} s, until no task runs. The tasks of a failed write are killed
     * asynchronously and may still be deleting their files in staging after the job has failed; a resume in the same
     * JVM (a notebook, a test) would otherwise race them when it clears staging.
     */
    private static void awaitTasksStopped(SparkSession spark) {
        long deadline = System.nanoTime() + STOP_WAIT_SECONDS * 1_000_000_000L;
        while (System.nanoTime() < deadline && Arrays.stream(spark.sparkContext().statusTracker().getExecutorInfos())
                .anyMatch(executor -> executor.numRunningTasks() > 0)) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Cancels the batch still writing when another failed (asking Spark to cancel no job logs a warning). */
    private static void cancelRunningBatches(SparkSession spark) {
        org.apache.spark.SparkStatusTracker jobs = spark.sparkContext().statusTracker();
        Set<Integer> active = Arrays.stream(jobs.getActiveJobIds()).boxed().collect(Collectors.toSet());
        if (Arrays.stream(jobs.getJobIdsForGroup(JOB_GROUP)).anyMatch(active::contains)) {
            spark.sparkContext().cancelJobGroup(JOB_GROUP);
        }
    }

    /** The default partition count: {@value #PARTITIONS_PER_CORE} per core Spark reports. */
    public static int defaultPartitions(SparkSession spark) {
        return PARTITIONS_PER_CORE * spark.sparkContext().defaultParallelism();
    }

    /** Whole points (all their missing tasks) in plan order, cut into batches of at least the target cost. */
    static List<List<SweepTask>> batches(List<SweepTask> tasks, double target) {
        List<List<SweepTask>> batches = new ArrayList<>();
        List<SweepTask> current = new ArrayList<>();
        double cost = 0;
        for (int i = 0; i < tasks.size(); i++) {
            SweepTask task = tasks.get(i);
            current.add(task);
            cost += task.cost();
            boolean pointEnds = i + 1 == tasks.size() || !tasks.get(i + 1).point().equals(task.point());
            if (pointEnds && cost >= target) {
                batches.add(current);
                current = new ArrayList<>();
                cost = 0;
            }
        }
        if (!current.isEmpty()) {
            batches.add(current);
        }
        return batches;
    }

    private static void writeBatch(SparkSession spark, CampaignPlan plan, int batch, List<List<SweepTask>> bins,
                                   String staging, LongAccumulator kernelNanos) {
        long seed = plan.campaign().seed();
        GridSpec grid = plan.campaign().grid();
        JavaSparkContext context = JavaSparkContext.fromSparkContext(spark.sparkContext());
        try {
            context.setJobGroup(JOB_GROUP, "critsweep sweep of " + plan.campaign().name(), false);
            context.setLocalProperty(SweepProgress.BATCH, Integer.toString(batch));
            JavaRDD<Row> rows = context.parallelize(new ArrayList<>(bins), bins.size())
                    .mapPartitions(binIterator -> {
                        List<SweepTask> tasks = new ArrayList<>();
                        binIterator.forEachRemaining(tasks::addAll);
                        return tasks.stream().flatMap(t -> {
                            long start = System.nanoTime();
                            List<Row> taskRows = ReplicaRows.of(t, seed, grid);
                            kernelNanos.add(System.nanoTime() - start);
                            return taskRows.stream();
                        }).iterator();
                    });
            StorageFailure.guard(staging, () -> spark.createDataFrame(rows, Tables.RAW_SCHEMA).write()
                    .mode(SaveMode.Overwrite).partitionBy("point_id").parquet(staging));
        } finally {
            context.clearJobGroup();
            context.setLocalProperty(SweepProgress.BATCH, null);
        }
    }

    /** Each point of a batch with its replica count once the batch is committed. */
    private static Map<String, Integer> replicasAfter(List<SweepTask> batch) {
        Map<String, Integer> replicas = new LinkedHashMap<>();
        for (SweepTask task : batch) {
            replicas.merge(task.point().pointId(), task.firstReplica() + task.replicaCount(), Math::max);
        }
        return replicas;
    }

    private static void writePoints(SparkSession spark, CampaignPlan plan, CampaignStore store) {
        int replicas = plan.campaign().grid().replicas();
        // Points that differ only in width (or CNN size) share their mean-field fixed point: compute it once.
        Map<List<Object>, Optional<MeanFieldPoint>> fixedPoints = new HashMap<>();
        List<Row> rows = plan.points().stream().map(p -> pointRow(p, replicas, fixedPoints.computeIfAbsent(
                List.of(p.activation(), p.sigmaW(), p.sigmaB()), k -> TheoryStage.fixedPoint(p)))).toList();
        store.replaceTable(TableNames.POINTS, location -> spark.createDataFrame(rows, Tables.POINTS_SCHEMA)
                .coalesce(1).write().mode(SaveMode.Overwrite).parquet(location));
    }

    private static Row pointRow(GridPoint p, int replicas, Optional<MeanFieldPoint> theory) {
        boolean cnn = p.arch().convolutional();
        return RowFactory.create(p.pointId(), p.arch().label(), p.activation().label(), p.sampler().label(), p.sigmaW(),
                p.sigmaB(), p.width(), p.depth(), cnn ? p.size() : null, cnn ? p.kernelSize() : null,
                cnn ? p.protocol().label() : null, p.q0(), p.c0(), replicas, "done",
                theory.map(MeanFieldPoint::qStar).orElse(null), theory.map(MeanFieldPoint::chi1).orElse(null),
                theory.map(t -> Tables.finiteOrNull(t.xiC())).orElse(null),
                theory.map(MeanFieldPoint::kappa).orElse(null),
                theory.map(t -> t.phase().label()).orElse("unbounded"), TheoryStage.lambdaPrediction(p));
    }
}
