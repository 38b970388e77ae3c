package org.critsweep.cli;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigRenderOptions;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.critsweep.grid.BadInputException;
import org.critsweep.store.CampaignDamage;
import org.critsweep.store.CampaignLock;
import org.critsweep.store.CampaignStore;
import org.critsweep.store.Damage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

/**
 * {@code status DIR}: where a campaign stands — running (its driver alive), interrupted (rerun to resume), failed
 * (with the reason the run recorded as it died) or complete — the points and replica-layers committed, the sweep's
 * rate and ETA, damaged outputs, and the manifest. Reads files only: no Spark, so it is instant and safe next to a live
 * run. Exit code 0 whenever it can report, damage included: damage is a finding of the report ({@code DAMAGED} line),
 * which {@code run} repairs and {@code fit} refuses.
 */
@Command(name = "status", description = "Progress of a campaign: points done, rate, ETA, damaged outputs, and its"
        + " manifest.")
final class StatusCommand implements Callable<Integer> {

    @Mixin
    CampaignDirectory directory;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        CampaignStore store = directory.store();
        if (!Files.isRegularFile(store.manifestFile())) {
            throw new BadInputException("DIR", directory.path
                    + " is not a critsweep campaign (no _campaign/manifest.json)");
        }
        Optional<Config> manifest = store.manifest();
        PrintWriter out = spec.commandLine().getOut();
        Optional<String> holder = CampaignLock.liveHolder(store);
        out.println("campaign " + manifest.map(m -> m.getString("name")).orElse("?") + " at " + store.root());
        Optional<String> recorded = manifest.map(m -> m.hasPath("status") ? m.getString("status") : "");
        out.println("status: " + (holder.isPresent() ? "running (" + holder.get() + ")"
                : recorded.isEmpty() ? "unknown (the manifest is damaged)"
                : recorded.get().equals("failed") ? "failed (" + manifest.map(m -> m.hasPath("failure")
                        ? m.getString("failure") : "no reason recorded").get() + "); fix the cause and rerun the"
                        + " campaign to resume"
                : !recorded.get().equals("complete") ? "interrupted (no live driver; rerun the campaign to resume)"
                : Files.isRegularFile(store.root().resolve(CampaignStore.REPORT)) ? "complete"
                : "interrupted (its tables are complete but " + CampaignStore.REPORT + " is missing: the run died"
                        + " writing it; rerun the campaign to write it)"));
        if (Files.isRegularFile(store.progressFile())) {
            Config progress = ConfigFactory.parseFile(store.progressFile().toFile());
            printProgress(out, progress, holder.isPresent());
        }
        printDamage(out, store, holder.isPresent());
        manifest.ifPresent(m -> {
            out.println("manifest (" + store.manifestFile() + "):");
            out.println(m.root().render(ConfigRenderOptions.concise().setFormatted(true)));
        });
        out.flush();
        return 0;
    }

    /**
     * The damage {@link CampaignDamage} finds, one line each, under a {@code DAMAGED} line; not while a run is live,
     * whose commits in progress would look like damage (and which repaired the damage it found when it started).
     */
    private static void printDamage(PrintWriter out, CampaignStore store, boolean running) {
        if (running) {
            out.println("damage: not checked while a run is live");
            return;
        }
        List<Damage> damage = CampaignDamage.find(store);
        if (damage.isEmpty()) {
            out.println("damage: none");
            return;
        }
        out.println("DAMAGED: " + damage.size() + " problem" + (damage.size() == 1 ? "" : "s") + "; rerun the campaign"
                + " (critsweep run with its campaign file) to recompute the damaged points and rewrite the rest;"
                + " fit refuses the campaign until then");
        damage.forEach(d -> out.println("  " + d.describe()));
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
