package org.critsweep.spark;

import java.util.List;
import org.critsweep.grid.CampaignParser;
import org.critsweep.grid.CampaignPlan;
import org.critsweep.grid.TaskPlanner;

/** Campaigns small enough to run in a second, for Spark and CLI tests. */
public final class TinyCampaigns {

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

    /** A CNN spreading run: one ordered and one chaotic σ_w, the replicas differing at one site. */
    private static final String SPREADING = """
            campaign { name = conv, seed = 7873 }
            grid {
              arch = [cnn1d]
              activation = tanh
              sigma_b = 0.3
              sigma_w = [0.5, 3.0]
              channels = [6]
              size = [32]
              depth = 12
              replicas = 6
              protocol = spreading
            }
            """;

    private TinyCampaigns() {
    }

    public static CampaignPlan plan(String output, String... overrides) {
        return planned(TEXT, output, overrides);
    }

    /** {@link #SPREADING} writing to {@code output}. */
    static CampaignPlan spreading(String output) {
        return planned(SPREADING, output);
    }

    private static CampaignPlan planned(String text, String output, String... overrides) {
        List<String> all = new java.util.ArrayList<>(List.of(overrides));
        all.add("campaign.output=\"" + output + "\"");
        return TaskPlanner.plan(CampaignParser.parse(text, "tiny.conf", all));
    }
}
