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

    /** Rough single-core seconds for the whole sweep, from {@link CostModel#SECONDS_PER_WEIGHT}. */
    public double estimatedCoreSeconds() {
        return totalCost() * CostModel.SECONDS_PER_WEIGHT;
    }
}
