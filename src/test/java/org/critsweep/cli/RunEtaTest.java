package org.critsweep.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Random;
import org.critsweep.spark.ProgressListener.SweepTally;
import org.junit.jupiter.api.Test;

/**
 * The whole-run ETA against synthetic runs whose truth is known: a quickstart-shaped sweep (33 tasks of three costs,
 * 1 : 2 : 4, in 16 Spark partitions balanced largest first, on 2 cores) whose partitions take their cost times a
 * lognormal factor (σ = 0.3) plus 0.3 s, after a start-up of 20 s that is no task's work; then later stages of 20 s,
 * which the ETA is told take 30 s (its model 1.5× off).
 */
class RunEtaTest {

    private static final int CORES = 2;
    private static final double START_UP = 20.0;
    private static final double LATER_TRUE = 20.0;
    private static final double LATER_ESTIMATED = 30.0;

    /** A finished partition of the synthetic sweep: when, and the tally the listener would report then. */
    record Event(double time, SweepTally tally) {
    }

    /** One synthetic sweep: its partitions' finishing events in time order, and when the run truly ends. */
    record Run(List<Event> events, double end) {
    }

    @Test
    void afterATenthOfTheSweepEveryEtaIsWithinTwiceTheTruth() {
        Random random = new Random(20261206);
        int runs = 300;
        int naiveWrong = 0;
        for (int r = 0; r < runs; r++) {
            Run run = simulate(random);
            RunEta eta = new RunEta(LATER_ESTIMATED);
            boolean tenth = false;
            for (Event event : run.events()) {
                SweepTally tally = event.tally();
                tenth |= tally.finishedTasks() >= 0.1 * tally.totalTasks();
                OptionalDouble left = eta.duringSweep(tally);
                if (!tenth) {
                    continue;
                }
                double truth = run.end() - event.time();
                assertTrue(left.isPresent(), "an ETA after a tenth of the tasks, run " + r);
                double ratio = left.getAsDouble() / truth;
                assertTrue(ratio >= 0.5 && ratio <= 2.0, "run " + r + " at " + tally + ": ETA "
                        + left.getAsDouble() + " s, truth " + truth + " s");
            }
            Event first = run.events().stream().filter(e -> e.tally().finishedTasks() >= 0.1 * e.tally().totalTasks())
                    .findFirst().orElseThrow();
            SweepTally at = first.tally();
            // The rate from the elapsed time, as the progress line had it: start-up counted as work.
            double naive = first.time() * (at.totalTasks() - at.finishedTasks()) / at.finishedTasks()
                    + LATER_ESTIMATED;
            double truth = run.end() - first.time();
            if (naive / truth > 2.0 || naive / truth < 0.5) {
                naiveWrong++;
            }
        }
        // The scenario has power: the elapsed-time rate misses by more than 2× in most runs.
        assertTrue(naiveWrong > runs / 2, "the naive ETA was off by more than 2x in only " + naiveWrong + " runs");
    }

    @Test
    void laterStagesSlowerThanEstimatedRescaleWhatIsLeft() {
        RunEta eta = new RunEta(LATER_ESTIMATED);
        double slow = 2.0;
        double elapsed = 0;
        assertEquals(LATER_ESTIMATED, eta.afterStage("theory", 5.0), 1e-12, "the theory stage tells nothing");
        List<String> stages = List.of("aggregate", "fit", "report");
        double[] truths = new double[stages.size()];
        for (int i = 0; i < stages.size(); i++) {
            truths[i] = slow * RunEta.LATER_SHARES.get(stages.get(i)) * LATER_ESTIMATED;
        }
        assertEquals(LATER_ESTIMATED, eta.afterStage("sweep", 14.0), 1e-12, "after the sweep: the model's estimate");
        for (int i = 0; i < stages.size(); i++) {
            elapsed += truths[i];
            double left = 0;
            for (int j = i + 1; j < stages.size(); j++) {
                left += truths[j];
            }
            assertEquals(left, eta.afterStage(stages.get(i), truths[i]), 1e-9, stages.get(i));
        }
        assertEquals(slow * LATER_ESTIMATED, elapsed, 1e-9);
        RunEta fast = new RunEta(LATER_ESTIMATED);
        assertEquals((1 - RunEta.LATER_SHARES.get("aggregate")) * LATER_ESTIMATED, fast.afterStage("aggregate", 0.01),
                1e-9, "stages faster than estimated leave the estimate as it is");
    }

    @Test
    void theLaterStagesSharesCoverThemOnce() {
        assertEquals(1.0, RunEta.LATER_SHARES.values().stream().mapToDouble(Double::doubleValue).sum(), 1e-12);
    }

    /** Lists the partitions on the cores in order, each to the first core free, as Spark's local scheduler does. */
    static Run simulate(Random random) {
        double[] costs = new double[33];
        for (int i = 0; i < costs.length; i++) {
            costs[i] = 1 << (i % 3);
        }
        List<List<Double>> bins = balance(costs, 16);
        double[] free = new double[CORES];
        java.util.Arrays.fill(free, START_UP);
        record Finish(double time, int tasks, double seconds, double cost) {
        }
        List<Finish> finishes = new ArrayList<>();
        for (List<Double> bin : bins) {
            int core = free[0] <= free[1] ? 0 : 1;
            double cost = bin.stream().mapToDouble(Double::doubleValue).sum();
            double seconds = 0.3 + cost * Math.exp(0.3 * random.nextGaussian());
            free[core] += seconds;
            finishes.add(new Finish(free[core], bin.size(), seconds, cost));
        }
        finishes.sort(Comparator.comparingDouble(Finish::time));
        double totalCost = java.util.Arrays.stream(costs).sum();
        List<Event> events = new ArrayList<>();
        int tasks = 0;
        double seconds = 0;
        double cost = 0;
        for (int i = 0; i < finishes.size(); i++) {
            Finish f = finishes.get(i);
            tasks += f.tasks();
            seconds += f.seconds();
            cost += f.cost();
            events.add(new Event(f.time(), new SweepTally(tasks, i + 1, costs.length, seconds, cost, totalCost,
                    CORES)));
        }
        return new Run(events, finishes.get(finishes.size() - 1).time() + LATER_TRUE);
    }

    /** Largest first, each to the lightest bin. */
    static List<List<Double>> balance(double[] costs, int count) {
        List<List<Double>> bins = new ArrayList<>();
        double[] load = new double[count];
        for (int i = 0; i < count; i++) {
            bins.add(new ArrayList<>());
        }
        double[] sorted = costs.clone();
        java.util.Arrays.sort(sorted);
        for (int i = sorted.length - 1; i >= 0; i--) {
            int lightest = 0;
            for (int b = 1; b < count; b++) {
                lightest = load[b] < load[lightest] ? b : lightest;
            }
            bins.get(lightest).add(sorted[i]);
            load[lightest] += sorted[i];
        }
        return bins;
    }
}
