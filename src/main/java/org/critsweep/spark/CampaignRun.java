package org.critsweep.spark;

import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.util.ShutdownHookManager;
import org.critsweep.grid.CampaignPlan;
import org.critsweep.store.CampaignLock;
import org.critsweep.store.CampaignStore;

/**
 * Runs a planned campaign's stages in order — sweep, theory, aggregate, fit, report — under the campaign's lock, and
 * records the manifest: at the start (status {@code running}, so a killed run leaves its provenance and {@code status}
 * can read it), once the data is complete (status {@code complete}, with the stage timings, which the report shows)
 * and after the report (its timing added). A rerun resumes: the sweep computes only the points not yet committed,
 * and every derived table is rewritten whole (a killed write left a temporary, removed here, or an incomplete table).
 */
public final class CampaignRun {

    /** The stages, in pipeline order: the keys of the manifest's {@code stage_seconds}. */
    public static final List<String> STAGES = List.of("sweep", "theory", "aggregate", "fit", "report");

    /**
     * What a finished run produced.
     *
     * @param sweep        what the sweep computed and reused
     * @param stageSeconds wall time per stage, in pipeline order
     * @param report       the HTML report
     */
    public record Result(CampaignStore store, SweepJob.Outcome sweep, int families, Map<String, Double> stageSeconds,
                         Path report) {
    }

    private CampaignRun() {
    }

    /**
     * Runs every stage; the caller has checked the output directory with {@link CampaignStore#checkWritableFor}.
     *
     * @throws org.critsweep.grid.BadInputException when another live run holds the campaign's lock
     */
    public static Result execute(SparkSession spark, CampaignPlan plan, CampaignStore store,
                                 SweepJob.Settings settings, ProgressListener progress) {
        try (CampaignLock lock = CampaignLock.acquire(store)) {
            store.removeTemporaryTables();
            Map<String, Object> facts = provenance(spark, plan, settings.partitions());
            facts.put("status", "running");
            store.writeManifest(plan.campaign(), facts);
            try {
                return stages(spark, plan, store, settings, progress, facts);
            } catch (RuntimeException | Error e) {
                recordFailure(store, plan, facts, e);
                throw e;
            }
        }
    }

    private static Result stages(SparkSession spark, CampaignPlan plan, CampaignStore store,
                                 SweepJob.Settings settings, ProgressListener progress, Map<String, Object> facts) {
        Stopwatch stages = new Stopwatch(progress);
        stages.start("sweep");
        TheoryStage.Pending theory = TheoryStage.start(spark, plan);
        SweepJob.Outcome sweep = SweepJob.run(spark, plan, store, settings, progress);
        stages.start("theory");
        theory.write(store);
        stages.start("aggregate");
        CurvesAggregation.run(spark, store);
        stages.start("fit");
        int families = FitStage.run(spark, store, plan.campaign());
        stages.stop();
        facts.put("status", "complete");
        facts.put("finished", Instant.now().toString());
        facts.put("points_reused", sweep.pointsReused());
        facts.put("points_repaired", sweep.pointsRepaired());
        facts.put("tasks_run", sweep.tasksRun());
        facts.put("sweep_kernel_core_seconds", sweep.kernelCoreSeconds());
        facts.put("sweep_wall_seconds", sweep.wallSeconds());
        facts.put("cores", spark.sparkContext().defaultParallelism());
        facts.put("stage_seconds", stages.seconds());
        store.writeManifest(plan.campaign(), facts);
        stages.start("report");
        Path report = ReportStage.run(spark, store);
        stages.stop();
        store.writeManifest(plan.campaign(), facts);
        return new Result(store, sweep, families, stages.seconds(), report);
    }

    /** Times the stages one after another and tells the listener as each starts and ends. */
    private static final class Stopwatch {
        private final ProgressListener progress;
        private final Map<String, Double> seconds = new LinkedHashMap<>();
        private String current;
        private long started;

        Stopwatch(ProgressListener progress) {
            this.progress = progress;
        }

        void start(String stage) {
            stop();
            current = stage;
            started = System.nanoTime();
            progress.stage(stage);
        }

        void stop() {
            if (current != null) {
                double elapsed = (System.nanoTime() - started) / 1e9;
                seconds.put(current, elapsed);
                progress.stageDone(current, elapsed);
                current = null;
            }
        }

        /** The wall seconds of the stages ended so far, in order (the manifest's {@code stage_seconds}). */
        Map<String, Double> seconds() {
            return seconds;
        }
    }

    /**
     * Marks the manifest {@code failed}, with the reason, when a stage throws, so that {@code status} does not show a
     * dead run as running or interrupted. Not when the JVM is shutting down (Ctrl-C, a kill): the stages then fail
     * only because Spark is being stopped, and the run is interrupted, not failed.
     */
    private static void recordFailure(CampaignStore store, CampaignPlan plan, Map<String, Object> facts, Throwable e) {
        if (ShutdownHookManager.inShutdown()) {
            return;
        }
        String reason = e.getMessage() == null ? e.toString() : e.getMessage();
        facts.put("status", "failed");
        facts.put("failure", reason.lines().findFirst().orElse(e.getClass().getName()));
        facts.put("finished", Instant.now().toString());
        try {
            store.writeManifest(plan.campaign(), facts);
        } catch (RuntimeException unwritable) {
            e.addSuppressed(unwritable);
        }
    }

    private static Map<String, Object> provenance(SparkSession spark, CampaignPlan plan, int partitions) {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("code_version", codeVersion());
        facts.put("spark_version", spark.version());
        facts.put("java_version", System.getProperty("java.version"));
        facts.put("master", withoutCredentials(spark.sparkContext().master()));
        facts.put("points", plan.points().size());
        facts.put("tasks", plan.tasks().size());
        facts.put("estimated_core_seconds", plan.estimatedCoreSeconds());
        facts.put("partitions", partitions);
        facts.put("started", Instant.now().toString());
        return facts;
    }

    /** A URL's {@code user:password@} removed: the manifest never records credentials. */
    static String withoutCredentials(String url) {
        return url.replaceAll("(?<=//)[^/@\\s]*@", "");
    }

    /**
     * {@code git describe} of the source tree when the launcher could ask git (system property
     * {@code critsweep.gitDescribe}), else the version in the jar's manifest, else "dev".
     */
    public static String codeVersion() {
        String described = System.getProperty("critsweep.gitDescribe");
        if (described != null && !described.isBlank()) {
            return described;
        }
        String version = CampaignRun.class.getPackage().getImplementationVersion();
        return version == null ? "dev" : version;
    }
}
