package org.critsweep.cli;

import java.util.Map;
import java.util.OptionalDouble;
import org.critsweep.grid.CampaignPlan;
import org.critsweep.grid.CostModel;
import org.critsweep.spark.ProgressListener.SweepTally;

/**
 * The whole run's time left: the sweep's rest from what its finished tasks took — their Spark-task seconds per unit
 * of the cost model's estimate, times the estimated cost left, over the cores — plus the later stages (theory,
 * aggregate, fit, report), estimated from the raw rows the aggregation reads and rescaled by how fast the later stages
 * done so far went. The sweep's part ignores the start-up and the wall time before the first task (a rate from the
 * elapsed time counts them as work: the first ETAs were 5 to 15 times too long), and waits for the warm-up: two
 * finished Spark partitions.
 */
final class RunEta {

    /**
     * The later stages' fixed seconds on 2 idle cores: mostly Spark SQL's planning and code generation and the JIT,
     * which a campaign of a few hundred rows pays too (on a loaded machine its aggregation took as long as the
     * quickstart's). With the next constant, the quickstart's 16.7 + 10.0 + 4.1 s of aggregate, fit and report.
     */
    static final double LATER_FIXED_SECONDS = 24.0;
    /** ... and their seconds per raw row (the aggregation's reading and grouping), 2 idle cores. */
    static final double LATER_SECONDS_PER_RAW_ROW = 1.2e-5;
    /** Spark partitions the sweep's rate waits for. */
    static final int WARM_UP_PARTITIONS = 2;
    /**
     * The later stages' shares of their time, measured on the quickstart (2 cores). The theory stage has none: it
     * only writes what was computed while the sweep ran (or, for a large grid, is a Spark job like the aggregation).
     */
    static final Map<String, Double> LATER_SHARES = Map.of("aggregate", 0.55, "fit", 0.32, "report", 0.13);

    private final double laterSeconds;
    private double laterShareDone;
    private double laterElapsed;

    /** @param laterSeconds the estimated seconds of the stages after the sweep */
    RunEta(double laterSeconds) {
        this.laterSeconds = laterSeconds;
    }

    static RunEta of(CampaignPlan plan) {
        return new RunEta(LATER_FIXED_SECONDS
                + LATER_SECONDS_PER_RAW_ROW * CostModel.rawRows(plan.campaign(), plan.points().size()));
    }

    /** Seconds left in the whole run while the sweep runs, or empty until the warm-up is over. */
    OptionalDouble duringSweep(SweepTally tally) {
        if (tally.finishedTasks() < tally.totalTasks()
                && (tally.finishedParts() < WARM_UP_PARTITIONS || !(tally.finishedCost() > 0))) {
            return OptionalDouble.empty();
        }
        double sweepLeft = (tally.totalCost() - tally.finishedCost()) * tally.taskSeconds() / tally.finishedCost()
                / tally.cores();
        return OptionalDouble.of(sweepLeft + laterSeconds);
    }

    /**
     * Seconds left in the whole run once {@code stage} ended after {@code seconds}: the later stages not yet run, at
     * the pace of those that did when they were slower than estimated.
     */
    double afterStage(String stage, double seconds) {
        Double share = LATER_SHARES.get(stage);
        if (share != null) {
            laterShareDone += share;
            laterElapsed += seconds;
        }
        double pace = laterShareDone > 0 ? Math.max(1.0, laterElapsed / (laterShareDone * laterSeconds)) : 1.0;
        return Math.max(0.0, 1.0 - laterShareDone) * laterSeconds * pace;
    }
}
