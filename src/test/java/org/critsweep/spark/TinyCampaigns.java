package org.critsweep.spark;

import java.util.List;
import org.critsweep.grid.CampaignParser;
import org.critsweep.grid.CampaignPlan;
import org.critsweep.grid.TaskPlanner;

/** Campaigns small enough to run in a second, for Spark and CLI tests. */
final class TinyCampaigns {

    static final String TEXT = """
            campaign { name = tiny, seed = 7877 }
            grid {
              activation = [tanh]
              sigma_b = [0.3]
              sigma_w = [1.1, 1.7]
              width = [8, 12]
              depth = 20
              replicas = 5
            }
            """;

    private TinyCampaigns() {
    }

    static CampaignPlan plan(String output, String... overrides) {
        List<String> all = new java.util.ArrayList<>(List.of(overrides));
        all.add("campaign.output=\"" + output + "\"");
        return TaskPlanner.plan(CampaignParser.parse(TEXT, "tiny.conf", all));
    }
}
