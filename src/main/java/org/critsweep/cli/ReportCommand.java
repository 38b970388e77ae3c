package org.critsweep.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.critsweep.spark.ReportStage;
import org.critsweep.spark.SparkSessions;
import org.critsweep.store.CampaignStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

/**
 * {@code report DIR}: rewrite a campaign's HTML report from its tables, e.g. after {@code fit DIR} or for a run that
 * stopped before its report stage. It reads a few thousand rows, so it runs on embedded Spark.
 */
@Command(name = "report", description = "Write a campaign's HTML report (plots, exponent table, universality verdict,"
        + " manifest) to DIR/" + ReportStage.FILE + ".")
final class ReportCommand implements Callable<Integer> {

    @Mixin
    CampaignDirectory directory;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        CampaignStore store = directory.store();
        ReportStage.requireInputs(store);
        long start = System.nanoTime();
        Path report = ReportStage.run(SparkSessions.getOrCreate("local[*]", SparkSessions.APP_NAME + " report"), store);
        PrintWriter out = spec.commandLine().getOut();
        out.println("report written in " + Formats.seconds((System.nanoTime() - start) / 1e9) + ": " + report);
        out.flush();
        return 0;
    }
}
