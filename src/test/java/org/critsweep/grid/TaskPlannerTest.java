package org.critsweep.grid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

class TaskPlannerTest {

    @Test
    void gridExpandsToTheCartesianProduct() {
        CampaignPlan plan = TaskPlanner.plan(CampaignParserTest.parse(CampaignParserTest.VALID));
        assertEquals(1 * 2 * 2 * 2 * 2, plan.points().size(), "arch × activation × sigma_b × width × sigma_w");
    }

    @Test
    void aGridCostlierThanMaxCoreHoursIsRefusedWithTheEstimatePlanPrints() {
        double hours = TaskPlanner.plan(CampaignParserTest.parse(CampaignParserTest.VALID)).estimatedCoreSeconds() / 3600;
        assertEquals(16, TaskPlanner.plan(CampaignParserTest.parse(CampaignParserTest.VALID,
                "campaign.max_core_hours=" + hours)).points().size(), "a grid at the limit runs");
        BadInputException e = assertThrows(BadInputException.class, () -> TaskPlanner.plan(CampaignParserTest.parse(
                CampaignParserTest.VALID, "campaign.max_core_hours=" + hours * 0.999)));
        assertEquals("campaign.max_core_hours", e.field());
        assertTrue(e.getMessage().contains(String.format(java.util.Locale.ROOT, "estimated at %.3g core-hours (16 points,"
                + " 19 replicas each)", hours)), e.getMessage());
    }

    /**
     * Regression: 10⁸ replicas of a point costlier than a task were split into 10⁸ tasks and ran out of memory;
     * 10⁸ is now above the replica bound, so the largest count allowed (10⁶ per point) stands in for it.
     */
    @Test
    void aMistypedReplicaCountIsRefusedBeforeItsTasksAreMade() {
        BadInputException e = assertThrows(BadInputException.class, () -> TaskPlanner.plan(CampaignParserTest.parse(
                CampaignParserTest.VALID, "grid.replicas=1000000", "grid.width=[4096]", "grid.depth=100000")));
        assertEquals("campaign.max_core_hours", e.field());
    }

    @Test
    void everyReplicaOfEveryPointIsInExactlyOneTask() {
        GridPoint p = GridPointTest.point(1.4, 0.3, 1024, 512);
        int replicas = 37;
        List<SweepTask> tasks = TaskPlanner.split(p, replicas);
        assertTrue(tasks.size() > 1, "a costly point is split");
        boolean[] seen = new boolean[replicas];
        for (SweepTask t : tasks) {
            for (int r = t.firstReplica(); r < t.firstReplica() + t.replicaCount(); r++) {
                assertTrue(!seen[r], "replica " + r + " appears twice");
                seen[r] = true;
            }
        }
        for (boolean s : seen) {
            assertTrue(s);
        }
    }

    @Test
    void costIsReplicasTimesDepthTimesWeightsAndActivations() {
        GridPoint p = GridPointTest.point(1.4, 0.3, 11, 13);
        SweepTask only = TaskPlanner.split(p, 7).get(0);
        assertEquals(7.0 * 13 * (11 * 11 + 11 * 6), only.cost(), "11² weights and 11 tanh neurons of 6 updates");
    }

    @Test
    void balancingKeepsEveryTaskAndStaysWithinGrahamsBound() {
        List<SweepTask> tasks = new ArrayList<>();
        int[] widths = {16, 32, 64, 128, 256, 512};
        for (int w : widths) {
            for (double s = 1.0; s < 2.0; s += 0.25) {
                tasks.addAll(TaskPlanner.split(GridPointTest.point(s, 0.3, w, 256), 50));
            }
        }
        for (int partitions : new int[] {1, 3, 16}) {
            List<List<SweepTask>> bins = TaskPlanner.balance(tasks, partitions);
            assertEquals(tasks.size(), bins.stream().mapToInt(List::size).sum());
            double total = tasks.stream().mapToDouble(SweepTask::cost).sum();
            double largest = tasks.stream().max(Comparator.comparingDouble(SweepTask::cost)).orElseThrow().cost();
            double lowerBound = Math.max(total / partitions, largest);
            double maxLoad = bins.stream().mapToDouble(b -> b.stream().mapToDouble(SweepTask::cost).sum()).max().orElseThrow();
            assertTrue(maxLoad <= 4.0 / 3.0 * lowerBound + 1e-9, "LPT is within 4/3 of the optimum");
        }
    }
}
