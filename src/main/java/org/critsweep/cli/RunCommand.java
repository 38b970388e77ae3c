package org.critsweep.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.critsweep.grid.BadInputException;
import org.critsweep.grid.CampaignPlan;
import org.critsweep.grid.GridSpec;
import org.critsweep.grid.TaskPlanner;
import org.critsweep.spark.CampaignRun;
import org.critsweep.spark.MeasuredCentres;
import org.critsweep.spark.SparkSessions;
import org.critsweep.spark.SweepJob;
import org.critsweep.store.CampaignStore;
import org.critsweep.store.TableNames;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code run CONF}: sweep → aggregate → fit → report, then a summary and the paths of the tables and the report. */
@Command(name = "run", description = "Run a campaign: sweep, aggregate (Spark SQL), fit and report; print the results"
        + " at a glance and the verdict.")
final class RunCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "CONF", description = "The campaign file (HOCON).")
    Path conf;

    @Mixin
    SparkMaster master;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Override a campaign key, e.g. grid.depth=64.")
    List<String> overrides = new ArrayList<>();

    @Option(names = "--partitions", paramLabel = "N",
            description = "Spark partitions for the sweep (default: 8 per core). Results do not depend on it.")
    Integer partitions;

    @Option(names = "--batch-seconds", paramLabel = "S",
            description = "Estimated core-seconds of work per committed batch: what a killed run can lose (default:"
                    + " a twentieth of the campaign, at least 120 per core).")
    Double batchSeconds;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    /**
     * Validates everything — options, campaign, output directory — before anything is written; prints the resolved
     * output directory before Spark starts and the first file is written.
     */
    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        checkOptions();
        CampaignPlan plan = CampaignFiles.plan(conf, overrides);
        OutputLocation output = OutputLocation.of(plan.campaign());
        CampaignStore store = new CampaignStore(output.path());
        store.checkWritableFor(plan.campaign());
        output.checkWritable();
        out.println(PlanCommand.headline(plan.campaign(), output.path()));
        out.flush();
        SparkSession spark = master.session(SparkSessions.APP_NAME + " " + plan.campaign().name());
        if (plan.campaign().grid().aroundCritical() != null && store.hasTable(TableNames.FITS)) {
            plan = TaskPlanner.plan(plan.campaign(), MeasuredCentres.of(spark, store));
            out.println("sigma_w: around the critical points measured by the earlier run (mean field where none)");
        }
        out.print(PlanCommand.summary(plan, spark.sparkContext().defaultParallelism()));
        out.flush();
        int parts = partitions != null ? partitions : SweepJob.defaultPartitions(spark);
        CampaignRun.Result result = CampaignRun.execute(spark, plan, store,
                new SweepJob.Settings(parts, batchSeconds == null ? 0 : batchSeconds),
                new ConsoleProgress(err, System.console() != null, RunEta.of(plan)));
        printSummary(out, spark, result, spark.sparkContext().defaultParallelism(), plan.campaign().grid());
        return 0;
    }

    private void checkOptions() {
        if (partitions != null && partitions < 1) {
            throw new BadInputException("--partitions", "expected an integer >= 1, got " + partitions);
        }
        if (batchSeconds != null && !(batchSeconds > 0 && batchSeconds < Double.POSITIVE_INFINITY)) {
            throw new BadInputException("--batch-seconds", "expected a number > 0, got " + batchSeconds);
        }
        master.check();
    }

    private static void printSummary(PrintWriter out, SparkSession spark, CampaignRun.Result result, int cores,
                                     GridSpec grid) {
        StringBuilder timing = new StringBuilder();
        double total = 0;
        for (Map.Entry<String, Double> stage : result.stageSeconds().entrySet()) {
            timing.append(timing.length() == 0 ? "" : ", ").append(stage.getKey()).append(' ')
                    .append(Formats.seconds(stage.getValue()));
            total += stage.getValue();
        }
        out.println("done in " + Formats.seconds(total) + " (" + timing + ")");
        SweepJob.Outcome sweep = result.sweep();
        out.println("sweep: " + sweep.tasksRun() + " tasks computed in " + sweep.batches() + " batches; "
                + sweep.pointsReused() + " points reused from earlier runs of this campaign"
                + (sweep.pointsRepaired() == 0 ? "" : "; " + sweep.pointsRepaired() + " damaged point"
                        + (sweep.pointsRepaired() == 1 ? "" : "s") + " removed and computed again"));
        if (sweep.kernelCoreSeconds() > 0) {
            out.printf(java.util.Locale.ROOT, "sweep: kernel %.1f core-s in %.1f s on %d cores (Spark overhead %.1f %%:"
                    + " core time beyond the kernel's — task set-up, Parquet writes, commits, idle cores)%n",
                    sweep.kernelCoreSeconds(), sweep.wallSeconds(), cores,
                    100 * (sweep.wallSeconds() * cores / sweep.kernelCoreSeconds() - 1));
        }
        out.println();
        FitSummary.print(spark, out, false, result.store().root().toString());
        out.println();
        out.println("Tables (Parquet):");
        for (String name : TableNames.ALL) {
            out.println("  " + name + "  " + result.store().table(name));
        }
        out.println("Query them with: bin/critsweep sql --campaign " + result.store().root()
                + " \"SELECT width, sigma_w, layer, rho_mean FROM curves WHERE layer = " + queryLayer(grid) + "\"");
        out.println("Report (plots, exponent table, verdict, manifest): " + result.report());
        out.flush();
    }

    /**
     * The layer the query hint after a run asks for: the recorded layer nearest half the depth (the lower of two as
     * near), leaving out the input layer 0, so that the query returns rows whatever the record schedule.
     */
    static int queryLayer(GridSpec grid) {
        boolean[] recorded = grid.record().mask(grid.depth());
        int middle = grid.depth() / 2;
        for (int distance = 0; ; distance++) {
            if (middle - distance >= 1 && recorded[middle - distance]) {
                return middle - distance;
            }
            if (middle + distance >= 1 && middle + distance < recorded.length && recorded[middle + distance]) {
                return middle + distance;
            }
        }
    }
}
