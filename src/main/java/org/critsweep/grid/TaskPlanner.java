package org.critsweep.grid;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.critsweep.kernel.ActivationKind;

/**
 * Expands a campaign into points, splits each point's replicas into tasks of similar cost, and packs tasks into
 * partitions. The split only groups work: a replica's rows depend on its key, never on its task or partition.
 */
public final class TaskPlanner {

    /** Target work per task: ~1 s on one core, long enough to amortise scheduling, short enough to balance. */
    static final double TARGET_TASK_COST = 2e8;

    private TaskPlanner() {
    }

    /** The plan, with an around-critical σ_w grid centred on the mean-field critical points. */
    public static CampaignPlan plan(Campaign campaign) {
        return plan(campaign, CriticalCentres.meanFieldOnly());
    }

    /**
     * The plan, with an around-critical σ_w grid centred by {@code centres}.
     *
     * @throws BadInputException when the grid costs more than the campaign allows ({@link CostModel#checkBudget})
     */
    public static CampaignPlan plan(Campaign campaign, CriticalCentres centres) {
        List<GridPoint> points = expand(campaign.grid(), centres);
        CostModel.checkBudget(campaign, points);
        List<SweepTask> tasks = new ArrayList<>();
        for (GridPoint point : points) {
            tasks.addAll(split(point, campaign.grid().replicas()));
        }
        return new CampaignPlan(campaign, points, tasks);
    }

    /**
     * The Cartesian product, in the order arch, activation, σ_b, width (CNN: channels, size), σ_w (the last varies
     * fastest).
     */
    static List<GridPoint> expand(GridSpec grid, CriticalCentres centres) {
        List<GridPoint> points = new ArrayList<>();
        for (Arch arch : grid.archs()) {
            for (ActivationKind activation : grid.activations()) {
                for (double sigmaB : grid.sigmaB()) {
                    if (arch.convolutional()) {
                        ConvGrid conv = grid.conv();
                        for (int channels : conv.channels()) {
                            for (int size : conv.sizes()) {
                                for (double sigmaW : sigmaW(grid, centres, arch, activation, Sampler.DENSE, sigmaB,
                                        channels, size)) {
                                    points.add(new GridPoint(arch, activation, Sampler.DENSE, sigmaW, sigmaB, channels,
                                            grid.depth(), grid.q0(), grid.c0(), size, conv.kernelSize(), conv.protocol()));
                                }
                            }
                        }
                    } else {
                        for (int width : grid.widths()) {
                            for (double sigmaW : sigmaW(grid, centres, arch, activation, grid.sampler(), sigmaB,
                                    width, null)) {
                                points.add(new GridPoint(arch, activation, grid.sampler(), sigmaW, sigmaB, width,
                                        grid.depth(), grid.q0(), grid.c0()));
                            }
                        }
                    }
                }
            }
        }
        Set<Long> keys = new HashSet<>();
        for (GridPoint point : points) {
            if (!keys.add(point.pointKey())) {
                throw new IllegalStateException("two grid points share the id " + point.pointId() + ": " + point);
            }
        }
        return points;
    }

    private static List<Double> sigmaW(GridSpec grid, CriticalCentres centres, Arch arch, ActivationKind activation,
                                       Sampler sampler, double sigmaB, int width, Integer size) {
        if (grid.aroundCritical() == null) {
            return grid.sigmaW();
        }
        java.util.TreeSet<Double> values = new java.util.TreeSet<>(grid.sigmaW());
        values.addAll(grid.aroundCritical().around(centres.centre(FamilyMember.of(arch, activation, sampler, sigmaB,
                width, size))));
        return List.copyOf(values);
    }

    static List<SweepTask> split(GridPoint point, int replicas) {
        return split(point, 0, replicas);
    }

    /** Tasks for replicas {@code from .. to − 1} of a point; the index is a long, so {@code to} may be any int. */
    static List<SweepTask> split(GridPoint point, int from, int to) {
        double perReplica = CostModel.perReplica(point);
        int block = replicasPerTask(perReplica, to - from);
        List<SweepTask> tasks = new ArrayList<>();
        for (long first = from; first < to; first += block) {
            int count = (int) Math.min(block, to - first);
            tasks.add(new SweepTask(point, (int) first, count, count * perReplica));
        }
        return tasks;
    }

    /** Replicas per task when {@code count} replicas of {@code perReplica} weight updates each are split. */
    private static int replicasPerTask(double perReplica, int count) {
        return (int) Math.max(1, Math.min(count, Math.floor(TARGET_TASK_COST / perReplica)));
    }

    /** How many tasks {@link #split(GridPoint, int)} makes of the point's replicas, without making them. */
    static long taskCount(GridPoint point, int replicas) {
        int block = replicasPerTask(CostModel.perReplica(point), replicas);
        return ((long) replicas + block - 1) / block;
    }

    /**
     * The work a plan still needs given the replicas already committed per point id: the missing replicas of every
     * point, as tasks, in plan order. A point with more committed replicas than planned is refused (a campaign grows,
     * it does not shrink).
     *
     * @throws BadInputException naming {@code grid.replicas}
     */
    public static List<SweepTask> remaining(CampaignPlan plan, java.util.Map<String, Integer> committedReplicas) {
        int replicas = plan.campaign().grid().replicas();
        List<SweepTask> tasks = new ArrayList<>();
        for (GridPoint point : plan.points()) {
            int done = committedReplicas.getOrDefault(point.pointId(), 0);
            if (done > replicas) {
                throw new BadInputException("grid.replicas", "point " + point.pointId() + " already has " + done
                        + " replicas in the output; a campaign can grow, not shrink: use at least " + done
                        + " or another campaign.output");
            }
            tasks.addAll(split(point, done, replicas));
        }
        return tasks;
    }

    /**
     * Packs tasks into at most {@code partitions} bins of nearly equal cost (longest task first into the lightest
     * bin, Graham's LPT rule: within 4/3 of the optimum). Empty bins are dropped.
     */
    public static List<List<SweepTask>> balance(List<SweepTask> tasks, int partitions) {
        if (partitions < 1) {
            throw new IllegalArgumentException("partitions: expected >= 1, got " + partitions);
        }
        List<SweepTask> byCost = new ArrayList<>(tasks);
        byCost.sort(Comparator.comparingDouble(SweepTask::cost).reversed());
        List<List<SweepTask>> bins = new ArrayList<>();
        double[] load = new double[partitions];
        for (int i = 0; i < partitions; i++) {
            bins.add(new ArrayList<>());
        }
        for (SweepTask task : byCost) {
            int lightest = 0;
            for (int i = 1; i < partitions; i++) {
                if (load[i] < load[lightest]) {
                    lightest = i;
                }
            }
            bins.get(lightest).add(task);
            load[lightest] += task.cost();
        }
        bins.removeIf(List::isEmpty);
        return bins;
    }
}
