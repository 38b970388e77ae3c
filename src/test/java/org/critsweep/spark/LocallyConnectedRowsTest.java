package org.critsweep.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.critsweep.grid.Arch;
import org.critsweep.grid.CampaignParser;
import org.critsweep.grid.CampaignPlan;
import org.critsweep.grid.GridPoint;
import org.critsweep.grid.SweepTask;
import org.critsweep.grid.TaskPlanner;
import org.junit.jupiter.api.Test;

/** The locally connected control's raw rows do not depend on how its replicas are split into tasks. */
class LocallyConnectedRowsTest {

    private static final String LCN = """
            campaign { name = lcn, seed = 7879, output = unused }
            grid {
              arch = [lcn1d]
              activation = tanh
              sigma_b = 0.3
              sigma_w = [1.5]
              channels = [4]
              size = [16]
              depth = 10
              replicas = 6
              protocol = spreading
            }
            """;

    @Test
    void rowsAreBitIdenticalWhateverTheSplitOfReplicasIntoTasks() {
        CampaignPlan plan = TaskPlanner.plan(CampaignParser.parse(LCN, "lcn.conf", List.of()));
        GridPoint point = plan.points().get(0);
        assertEquals(Arch.LCN1D, point.arch());
        List<String> whole = rows(new SweepTask(point, 0, 6, 1.0), plan);
        List<String> split = new ArrayList<>(rows(new SweepTask(point, 0, 1, 1.0), plan));
        split.addAll(rows(new SweepTask(point, 1, 4, 1.0), plan));
        split.addAll(rows(new SweepTask(point, 5, 1, 1.0), plan));
        assertEquals(6 * 11, whole.size(), "replicas × (depth + 1) layers");
        assertEquals(whole, split);
    }

    private static List<String> rows(SweepTask task, CampaignPlan plan) {
        return ReplicaRows.of(task, plan.campaign().seed(), plan.campaign().grid()).stream()
                .map(SweepJobTest::exact).toList();
    }
}
