package org.critsweep.cli;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigRenderOptions;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.critsweep.grid.CampaignException;
import org.critsweep.spark.CampaignLock;
import org.critsweep.spark.CampaignStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code status DIR}: where a campaign stands — running (its driver alive), interrupted (rerun to resume) or
 * complete — the points and replica-layers committed, the sweep's rate and ETA, and the manifest. Reads files only:
 * no Spark, so it is instant and safe next to a live run.
 */
@Command(name = "status", description = "Progress of a campaign: points done, rate, ETA, and its manifest.")
final class StatusCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "DIR", description = "A campaign output directory.")
    Path directory;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        CampaignStore store = new CampaignStore(directory);
        Config manifest = store.manifest().orElseThrow(() -> new CampaignException("DIR", directory
                + " is not a critsweep campaign (no _campaign/manifest.json)"));
        PrintWriter out = spec.commandLine().getOut();
        Optional<String> holder = CampaignLock.liveHolder(store);
        String status = manifest.getString("status");
        out.println("campaign " + manifest.getString("name") + " at " + store.root());
        out.println("status: " + (holder.isPresent() ? "running (" + holder.get() + ")"
                : status.equals("complete") ? "complete" : "interrupted (no live driver; rerun the campaign to resume)"));
        if (Files.isRegularFile(store.progressFile())) {
            Config progress = ConfigFactory.parseFile(store.progressFile().toFile());
            printProgress(out, progress, holder.isPresent());
        }
        out.println("manifest (" + store.root().resolve("_campaign/manifest.json") + "):");
        out.println(manifest.root().render(ConfigRenderOptions.concise().setFormatted(true)));
        out.flush();
        return 0;
    }

    private static void printProgress(PrintWriter out, Config p, boolean running) {
        long total = p.getLong("replica_layers_total");
        long done = p.getLong("replica_layers_committed");
        out.printf(Locale.ROOT, "points committed: %d / %d (%.0f %%); replica-layers %d / %d%n",
                p.getLong("points_committed"), p.getLong("points_total"),
                100.0 * p.getLong("points_committed") / Math.max(1, p.getLong("points_total")), done, total);
        double seconds = Duration.between(Instant.parse(p.getString("sweep_started")),
                running ? Instant.now() : Instant.parse(p.getString("updated"))).toMillis() / 1e3;
        long thisRun = p.getLong("replica_layers_this_run");
        if (seconds > 0 && thisRun > 0) {
            double rate = thisRun / seconds;
            out.printf(Locale.ROOT, "sweep rate: %.4g replica-layers/s since %s%s%n", rate, p.getString("sweep_started"),
                    running && done < total ? ", ETA " + Formats.seconds((total - done) / rate) : "");
        }
    }
}
