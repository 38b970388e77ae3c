package org.critsweep.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.critsweep.grid.BadInputException;
import org.critsweep.grid.Campaign;
import org.critsweep.grid.CampaignPlan;
import org.critsweep.grid.CostModel;
import org.critsweep.grid.GridPoint;
import org.critsweep.grid.Limits;
import org.critsweep.grid.SweepEstimate;
import org.critsweep.grid.SweepTask;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code plan CONF}: validates a campaign and prints its points, tasks, estimated core-seconds and the sweep's wall
 * time on the given cores; writes nothing.
 */
@Command(name = "plan", description = "Validate a campaign file and print its points, tasks, estimated core-seconds"
        + " and the sweep's wall time on the given cores.")
final class PlanCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "CONF", description = "The campaign file (HOCON).")
    Path conf;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Override a campaign key, e.g. grid.depth=64.")
    List<String> overrides = new ArrayList<>();

    @Option(names = "--cores", paramLabel = "N", description = "Cores the sweep will run on, for its wall time"
            + " (default: this machine's, which local[*] uses).")
    Integer cores;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        if (cores != null && cores < 1) {
            throw new BadInputException("--cores", "expected an integer >= 1, got " + cores);
        }
        CampaignPlan plan = CampaignFiles.plan(conf, overrides);
        var out = spec.commandLine().getOut();
        out.println(headline(plan.campaign(), OutputLocation.of(plan.campaign()).path()));
        out.print(summary(plan, cores != null ? cores : Runtime.getRuntime().availableProcessors()));
        out.println("expected raw rows " + Formats.number(CostModel.rawRows(plan.campaign(), plan.points().size()))
                + " (points x replicas x recorded layers; at most " + Formats.number(Limits.MAX_RAW_ROWS) + ")");
        Map<String, Integer> tasksPerPoint = new TreeMap<>();
        for (SweepTask task : plan.tasks()) {
            tasksPerPoint.merge(task.point().pointId(), 1, Integer::sum);
        }
        TextTable table = new TextTable(List.of("point_id", "arch", "activation", "sampler", "sigma_w", "sigma_b",
                "width", "depth", "tasks", "est_core_s"));
        int replicas = plan.campaign().grid().replicas();
        int recorded = plan.campaign().grid().record().count(plan.campaign().grid().depth());
        for (GridPoint p : plan.points()) {
            table.add(List.of(p.pointId(), p.arch().label(), p.activation().label(), p.sampler().label(),
                    Formats.number(p.sigmaW()), Formats.number(p.sigmaB()), Integer.toString(p.width()),
                    Integer.toString(p.depth()), Integer.toString(tasksPerPoint.get(p.pointId())),
                    Formats.number(CostModel.estimate(p, replicas, recorded).coreSeconds())));
        }
        out.print(table.render());
        out.flush();
        return 0;
    }

    /** The campaign's first line, shared with {@code run}: name, seed and the output directory, resolved. */
    static String headline(Campaign c, Path output) {
        return "campaign " + c.name() + " (seed " + c.seed() + ") -> " + output;
    }

    /**
     * Points, tasks, the estimated work in core-seconds and the sweep's wall time on {@code cores} cores, shared with
     * {@code run}.
     */
    static String summary(CampaignPlan plan, int cores) {
        Campaign c = plan.campaign();
        int depth = c.grid().depth();
        SweepEstimate estimate = plan.estimate();
        return plan.points().size() + " points, " + plan.tasks().size() + " tasks, " + c.grid().replicas()
                + " replicas per point, depth " + depth + ", record " + c.grid().record() + " ("
                + c.grid().record().count(depth) + " layers per replica)\n"
                + "estimated work " + Formats.number(estimate.weightUpdates()) + " weight updates and "
                + Formats.number(estimate.rows()) + " raw rows, about " + Formats.number(estimate.coreSeconds())
                + " core-seconds\n"
                + "estimated sweep wall time on " + cores + " core" + (cores == 1 ? "" : "s") + ": about "
                + Formats.seconds(estimate.wallSeconds(cores)) + " (" + Formats.seconds(CostModel.STARTUP_SECONDS)
                + " start-up + " + Formats.number(estimate.coreSeconds()) + " core-s / " + cores + ")\n";
    }
}
