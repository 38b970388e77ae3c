package org.critsweep.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.critsweep.grid.Campaign;
import org.critsweep.grid.BadInputException;
import org.critsweep.grid.CampaignParser;
import org.critsweep.spark.FitStage;
import org.critsweep.spark.CampaignTables;
import org.critsweep.spark.SparkSessions;
import org.critsweep.store.CampaignDamage;
import org.critsweep.store.CampaignStore;
import org.critsweep.store.TableNames;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code fit DIR}: redo the fit stage on a campaign's existing outputs, with the recorded or overridden analysis. */
@Command(name = "fit", description = "Redo the fit stage (critical point, exponents, collapses, verdict) on a"
        + " campaign's outputs and print the results at a glance and the verdict (--all: every fit).")
final class FitCommand implements Callable<Integer> {

    @Mixin
    CampaignDirectory directory;

    @Option(names = "--set", paramLabel = "KEY=VALUE",
            description = "Override an analysis key, e.g. analysis.bootstrap=500 or analysis.collapse=[hh].")
    List<String> overrides = new ArrayList<>();

    @Option(names = "--all", description = "After the results at a glance and the verdict, print every fit (the"
            + " whole fits table) rather than where to find it.")
    boolean all;

    @Mixin
    SparkMaster master;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        master.check();
        for (String override : overrides) {
            if (!CampaignParser.parseOverride(override).root().keySet().equals(java.util.Set.of("analysis"))) {
                throw new BadInputException("--set", "fit only changes the analysis block (analysis.*); got '"
                        + override + "'. Rerun the campaign to change what it computes.");
            }
        }
        CampaignStore store = directory.store();
        CampaignDamage.requireIntact(store, FitStage.INPUTS, "fit");
        Campaign campaign = CampaignParser.parse(store.recordedConfig(), directory.path + "/_campaign/manifest.json",
                overrides);
        store.requireTables(TableNames.POINTS, TableNames.RAW, TableNames.CURVES);
        SparkSession spark = master.session(SparkSessions.APP_NAME + " fit " + campaign.name());
        CampaignTables.registerViews(spark, store);
        long start = System.nanoTime();
        int families = FitStage.run(spark, store, campaign);
        PrintWriter out = spec.commandLine().getOut();
        out.println("fitted " + families + " families in " + Formats.seconds((System.nanoTime() - start) / 1e9));
        FitSummary.print(spark, out, all, directory.path.toString());
        out.println("Tables: " + store.table(TableNames.FITS) + ", " + store.table(TableNames.FIT_CURVES));
        out.flush();
        return 0;
    }
}
