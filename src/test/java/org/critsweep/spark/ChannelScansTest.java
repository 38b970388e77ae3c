package org.critsweep.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.critsweep.grid.CampaignParser;
import org.critsweep.grid.CampaignPlan;
import org.critsweep.grid.TaskPlanner;
import org.critsweep.store.CampaignStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A small 1D CNN pair campaign at three channel counts and two sizes through the fit stage: each C gets its
 * σ_w,c(∞) in L (scope {@code L->inf}), and the channels together a scan in C whose rows sit with the largest C.
 */
class ChannelScansTest {

    @TempDir
    Path temp;

    @Test
    void eachChannelCountIsExtrapolatedInLAndTheCountsAreScannedInC() {
        CampaignPlan plan = TaskPlanner.plan(CampaignParser.parse("""
                campaign { name = cscan, seed = 3 }
                grid {
                  arch = cnn1d
                  activation = tanh
                  sigma_b = 0.3
                  sigma_w = { linspace = [1.3, 1.9, 7] }
                  channels = [4, 8, 16]
                  size = [8, 16]
                  depth = 24
                  replicas = 6
                  record = { log = 4 }
                }
                analysis { bootstrap = 0, collapse = [], exponents = [delta] }
                """, "cscan.conf", List.of("campaign.output=\"" + temp + "\"")));
        SparkSession spark = SharedSpark.session();
        CampaignRun.execute(spark, plan, new CampaignStore(temp), new SweepJob.Settings(2, 0), (d, t) -> { });

        List<Row> infinite = spark.sql("SELECT width, estimate, method FROM fits WHERE scope = 'L->inf'"
                + " AND quantity = 'sigma_w_c_inf' ORDER BY width").collectAsList();
        assertEquals(3, infinite.size(), "one sigma_w_c(inf) per channel count");
        infinite.forEach(r -> assertEquals("wls_lattice_fixed_omega", r.getString(2), "two sizes: omega is fixed"));
        assertEquals(2, spark.sql("SELECT DISTINCT series FROM fit_curves WHERE curve = 'sigma_w_c_lattice_law'")
                .count(), "the DP 1+1 and mean-field laws");
        List<Row> scan = spark.sql("SELECT width, size, quantity FROM fits WHERE scope = 'C in [4, 8, 16]'")
                .collectAsList();
        assertTrue(scan.stream().anyMatch(r -> r.getString(2).equals("channel_slope_mf")), scan.toString());
        assertTrue(scan.stream().anyMatch(r -> r.getString(2).equals("channel_sigma_w_c_inf")), scan.toString());
        scan.forEach(r -> assertEquals(16, r.getInt(0), "the scan sits with the largest C"));
        assertTrue(scan.stream().allMatch(r -> r.isNullAt(1)), "a scan pools sizes: no size");
        assertEquals(3, spark.sql("SELECT * FROM fit_curves WHERE curve = 'sigma_w_c_channels'"
                + " AND series = 'measured'").count());
    }
}
