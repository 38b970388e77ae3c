package org.critsweep.grid;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import org.critsweep.kernel.ActivationKind;

/**
 * The sweep's cost. The kernel's work is counted in weight updates: the dense sampler draws N² weights per layer and
 * multiplies each into the three columns (replica a, difference, tangent), one update each; a Gram layer costs
 * {@value #GRAM_NEURON_BASE} updates per neuron (three Gaussians, the thin QR); every neuron of every sampler adds its
 * activation ({@link #activationUnits}). A CNN layer applies its C²k^d shared weights at every site, each application
 * {@value #CONV_APPLICATION_UNITS} of an update (no draw); the locally connected control also draws its C²k^d + C
 * weights and biases at every site, one update each.
 *
 * <p>Around the kernel the model charges what does not scale with the weights — a layer of a replica (its
 * observables), a row of {@code raw} built and written, a task set up, a point staged and committed — and a fixed
 * start-up that is wall time, not core time (the first Spark job's class loading and JIT compilation): see
 * {@link SweepEstimate}. The constants are calibrated on measured runs (PERFORMANCE.md, "Cost model").
 */
public final class CostModel {

    /**
     * Weight updates one neuron of a Gram layer costs besides its activation: three Gaussians, the thin QR, the
     * bookkeeping. With tanh's {@link #activationUnits} a tanh Gram neuron costs about 12 (PERFORMANCE.md: the
     * Gram/dense speed-up grows like N/12).
     */
    static final double GRAM_NEURON_BASE = 6.0;

    /** Weight updates a lattice net's application of a shared weight to its three columns costs. */
    static final double CONV_APPLICATION_UNITS = 0.45;

    /** Single-core seconds of one weight update (ziggurat Gaussian + 3 FMAs), as the sweep's tasks measure it. */
    public static final double SECONDS_PER_WEIGHT = 3.23e-9;

    /**
     * Single-core seconds of one layer of one replica besides its neurons: the observables (ρ, q, G, λ), the
     * renormalisations, the checks for a numerical fault.
     */
    public static final double SECONDS_PER_LAYER = 3.85e-6;

    /** Single-core seconds to build, encode and write one row of {@code raw}. */
    public static final double SECONDS_PER_ROW = 3.5e-6;

    /** Single-core seconds of a task's own set-up (its propagator, buffers, streams, Spark's bookkeeping). */
    public static final double SECONDS_PER_TASK = 0.02;

    /** Single-core seconds of a point's own costs: its Parquet file in staging, its commit, its row of points. */
    public static final double SECONDS_PER_POINT = 0.25;

    /** Wall seconds every sweep pays once, whatever its size and cores (first Spark job, class loading, JIT). */
    public static final double STARTUP_SECONDS = 7.0;

    private CostModel() {
    }

    /**
     * Weight updates the activation of one neuron costs per layer, whatever the sampler: φ(h), φ' and the exact
     * difference step (PERFORMANCE.md: {@code bench --activation}). erf is commons-math's, a series or a continued
     * fraction per call, and costs far more than the others.
     */
    static double activationUnits(ActivationKind activation) {
        return switch (activation) {
            case TANH, SIN -> 6.0;
            case ERF -> 105.0;
            case RELU, LINEAR -> 3.0;
        };
    }

    /** Kernel taps k^d of a CNN; 1 for an MLP. */
    private static double taps(GridPoint point) {
        return Math.pow(Math.max(1, point.kernelSize()), point.arch().dimensions());
    }

    /** Sites of the lattice, in floating point: an L × L lattice's L² overflows an int from L = 46341. */
    private static double sites(GridPoint point) {
        return point.arch().dimensions() == 0 ? 1 : Math.pow(point.size(), point.arch().dimensions());
    }

    /**
     * Weight updates to propagate one replica of the point through all its layers, its activations included. Every
     * product is formed in floating point, so no grid size overflows it.
     */
    public static double perReplica(GridPoint point) {
        double depth = point.depth();
        double width = point.width();
        double activations = depth * sites(point) * width * activationUnits(point.activation());
        return activations + switch (point.sampler()) {
            case DENSE -> depth * sites(point) * (width * width * taps(point) * applicationUnits(point)
                    + siteDraws(point));
            case GRAM -> depth * width * GRAM_NEURON_BASE;
        };
    }

    /**
     * Weight updates one application of a weight costs: 1 in a dense MLP, where each weight is drawn for its one use;
     * {@value #CONV_APPLICATION_UNITS} in a lattice net, which reuses its filter at every site (no draw, three
     * multiply-adds: PERFORMANCE.md, CNN and LCN layers).
     */
    private static double applicationUnits(GridPoint point) {
        return point.arch().convolutional() ? CONV_APPLICATION_UNITS : 1.0;
    }

    /** Gaussians drawn per site and layer on top of the shared filter: the untied filter and biases of an LCN. */
    private static double siteDraws(GridPoint point) {
        return point.arch().sharedWeights() ? 0.0 : (double) point.width() * point.width() * taps(point) + point.width();
    }

    /** What {@code replicas} replicas of the point cost when the sweep records {@code recordedLayers} per replica. */
    public static SweepEstimate estimate(GridPoint point, int replicas, int recordedLayers) {
        return new SweepEstimate((double) replicas * perReplica(point), (double) replicas * point.depth(),
                (double) replicas * recordedLayers,
                TaskPlanner.taskCount(point, replicas), 1);
    }

    /** What the campaign's sweep of {@code points} costs, from nothing committed. */
    public static SweepEstimate estimate(Campaign campaign, List<GridPoint> points) {
        GridSpec grid = campaign.grid();
        int recorded = grid.record().count(grid.depth());
        SweepEstimate total = SweepEstimate.NOTHING;
        for (GridPoint point : points) {
            total = total.plus(estimate(point, grid.replicas(), recorded));
        }
        return total;
    }

    /** Rows the {@code raw} table gets: one per recorded layer of every replica of every point. */
    public static double rawRows(Campaign campaign, int points) {
        GridSpec grid = campaign.grid();
        return (double) points * grid.replicas() * grid.record().count(grid.depth());
    }

    /**
     * Refuses a grid whose estimated sweep costs more than the campaign's {@code max_core_hours}. It is checked on the
     * points, before their replicas are split into tasks, so that a mistyped replica count or width fails at once
     * instead of filling the memory with tasks.
     *
     * @throws BadInputException naming {@code campaign.max_core_hours}, with the estimate and how to raise the limit
     */
    static void checkBudget(Campaign campaign, List<GridPoint> points) {
        checkRows(campaign, points.size());
        int replicas = campaign.grid().replicas();
        double coreHours = estimate(campaign, points).coreSeconds() / 3600;
        if (coreHours > campaign.maxCoreHours()) {
            throw new BadInputException("campaign.max_core_hours", String.format(Locale.ROOT,
                    "the grid is estimated at %.3g core-hours (%d point%s, %d replicas each), above the limit of %s;"
                            + " raise the limit (e.g. --set campaign.max_core_hours=%d) or shrink the grid",
                    coreHours, points.size(), points.size() == 1 ? "" : "s", replicas,
                    BigDecimal.valueOf(campaign.maxCoreHours()).stripTrailingZeros().toPlainString(),
                    (long) Math.ceil(coreHours)));
        }
    }

    /**
     * Refuses a grid whose {@code raw} table would exceed {@link Limits#MAX_RAW_ROWS}.
     *
     * @throws BadInputException naming {@code grid.replicas}, with the rows, their factors and the bound
     */
    private static void checkRows(Campaign campaign, int points) {
        double rows = rawRows(campaign, points);
        if (rows > Limits.MAX_RAW_ROWS) {
            GridSpec grid = campaign.grid();
            throw new BadInputException("grid.replicas", String.format(Locale.ROOT, "the grid writes %.3g raw rows"
                    + " (%d points x %d replicas x %d recorded layers), above the bound of %.0e rows (about 100 bytes"
                    + " a row: 100 GB); lower grid.replicas or grid.depth, or record fewer layers (grid.record ="
                    + " { log = n })", rows, points, grid.replicas(), grid.record().count(grid.depth()),
                    Limits.MAX_RAW_ROWS));
        }
    }
}
