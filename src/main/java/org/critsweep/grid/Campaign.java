package org.critsweep.grid;

import java.util.Objects;
import org.critsweep.fit.AnalysisSpec;

/**
 * A parsed, validated campaign file.
 *
 * @param name   a short identifier ([A-Za-z0-9._-]+)
 * @param seed   the campaign seed every random stream is keyed by
 * @param output the output directory, as written in the file (relative paths are relative to the working directory)
 * @param maxCoreHours the most estimated single-core hours the sweep may cost ({@link CostModel#checkBudget}): a
 *                     guard against a grid that is far larger than meant
 * @param grid   what to sweep
 * @param analysis how to fit the results
 * @param canonicalConfig the effective configuration (file plus overrides) rendered as sorted JSON
 */
public record Campaign(String name, long seed, String output, double maxCoreHours, GridSpec grid,
                       AnalysisSpec analysis, String canonicalConfig) {

    /** Two days of two cores, an hour of a hundred: anything bigger than the campaigns of conf/ by far. */
    public static final double DEFAULT_MAX_CORE_HOURS = 100;

    public Campaign {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(output, "output");
        Objects.requireNonNull(grid, "grid");
        Objects.requireNonNull(analysis, "analysis");
        Invariant.require(maxCoreHours > 0 && Double.isFinite(maxCoreHours), "max_core_hours", "a finite number > 0",
                maxCoreHours);
    }

    /**
     * What a point's stored rows depend on beyond its own id: the campaign's name and seed (which key every random
     * stream), the layers recorded and, for CNNs, the activity thresholds. Two configurations with the same identity
     * can share an output directory — a campaign grows (more σ_w, widths, replicas) and every committed point is
     * reused, since a point id is a hash of the point's physics; any other change needs another directory.
     */
    public String dataIdentity() {
        return name + "|" + seed + "|" + grid.record() + "|"
                + (grid.conv() == null ? "" : grid.conv().activeThresholds().toString());
    }
}
