package org.critsweep.grid;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

/**
 * Estimated work of a replica, in weight-column updates: the dense sampler draws N² weights per layer and
 * multiplies each into the three columns (replica a, difference, tangent); a Gram layer costs about
 * {@value #GRAM_NEURON_COST} such updates per neuron (three Gaussians, the activations, the thin QR). A CNN layer
 * applies its C²k^d shared weights at every site (counted as one update each, an overestimate: no draw per
 * application); the locally connected control draws its C²k^d + C weights and biases at every site as well, and each
 * draw counts one more update (PERFORMANCE.md).
 */
public final class CostModel {

    /** Weight updates one neuron of a Gram layer costs (PERFORMANCE.md: the Gram/dense speed-up grows like N/12). */
    public static final double GRAM_NEURON_COST = 12.0;

    /** Measured order of magnitude of one weight update on one core (JDK ziggurat Gaussian + 3 FMAs). */
    public static final double SECONDS_PER_WEIGHT = 5e-9;

    private CostModel() {
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
     * Weights drawn to propagate one replica of the point through all its layers. Every product is formed in
     * floating point, so no grid size overflows it.
     */
    public static double perReplica(GridPoint point) {
        double depth = point.depth();
        double width = point.width();
        return switch (point.sampler()) {
            case DENSE -> depth * sites(point) * (width * width * taps(point) + siteDraws(point));
            case GRAM -> depth * width * GRAM_NEURON_COST;
        };
    }

    /** Gaussians drawn per site and layer on top of the shared filter: the untied filter and biases of an LCN. */
    private static double siteDraws(GridPoint point) {
        return point.arch().sharedWeights() ? 0.0 : (double) point.width() * point.width() * taps(point) + point.width();
    }

    /** Rough single-core seconds for {@code replicas} replicas of the point. */
    public static double coreSeconds(GridPoint point, int replicas) {
        return (double) replicas * perReplica(point) * SECONDS_PER_WEIGHT;
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
        double coreHours = points.stream().mapToDouble(p -> coreSeconds(p, replicas)).sum() / 3600;
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
