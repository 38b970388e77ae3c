package org.critsweep.grid;

import java.util.List;

/** A campaign expanded into its grid points and the tasks that compute them. */
public record CampaignPlan(Campaign campaign, List<GridPoint> points, List<SweepTask> tasks) {

    public CampaignPlan {
        points = List.copyOf(points);
        tasks = List.copyOf(tasks);
    }

    public double totalCost() {
        return tasks.stream().mapToDouble(SweepTask::cost).sum();
    }

    /** The cost model's estimate of the whole sweep, from nothing committed ({@link CostModel}). */
    public SweepEstimate estimate() {
        return CostModel.estimate(campaign, points);
    }

    /** Single-core seconds of the whole sweep, the start-up excluded: what {@code campaign.max_core_hours} bounds. */
    public double estimatedCoreSeconds() {
        return estimate().coreSeconds();
    }
}
