package org.critsweep.spark;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.critsweep.grid.CampaignPlan;

/** Runs a planned campaign's stages in order — sweep, aggregate, fit — and records the manifest. */
public final class CampaignRun {

    /**
     * What a finished run produced.
     *
     * @param stageSeconds wall time per stage, in pipeline order
     */
    public record Result(CampaignStore store, int families, Map<String, Double> stageSeconds) {
    }

    private CampaignRun() {
    }

    /** Runs every stage; the caller has checked the output directory with {@link CampaignStore#checkWritableFor}. */
    public static Result execute(SparkSession spark, CampaignPlan plan, CampaignStore store, int partitions,
                                 ProgressListener progress) {
        Instant started = Instant.now();
        Map<String, Double> seconds = new LinkedHashMap<>();
        long t0 = System.nanoTime();
        SweepJob.run(spark, plan, store, partitions, progress);
        long tTheory = System.nanoTime();
        TheoryStage.writeCurves(spark, plan, store);
        long t1 = System.nanoTime();
        CurvesAggregation.run(spark, store);
        long t2 = System.nanoTime();
        int families = FitStage.run(spark, store, plan.campaign());
        long t3 = System.nanoTime();
        seconds.put("sweep", (tTheory - t0) / 1e9);
        seconds.put("theory", (t1 - tTheory) / 1e9);
        seconds.put("aggregate", (t2 - t1) / 1e9);
        seconds.put("fit", (t3 - t2) / 1e9);
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("code_version", codeVersion());
        facts.put("spark_version", spark.version());
        facts.put("java_version", System.getProperty("java.version"));
        facts.put("master", spark.sparkContext().master());
        facts.put("points", plan.points().size());
        facts.put("tasks", plan.tasks().size());
        facts.put("partitions", partitions);
        facts.put("started", started.toString());
        facts.put("finished", Instant.now().toString());
        facts.put("stage_seconds", seconds);
        store.writeManifest(plan.campaign(), facts);
        return new Result(store, families, seconds);
    }

    /** The version in the jar's manifest, or "dev" when run from classes. */
    public static String codeVersion() {
        String version = CampaignRun.class.getPackage().getImplementationVersion();
        return version == null ? "dev" : version;
    }
}
