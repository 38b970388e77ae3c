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

/** A tiny CNN spreading campaign through the fit stage: its fits table has δ, θ and z with bootstrap errors. */
class SpreadingFitStageTest {

    @TempDir
    static Path temp;

    @Test
    void spreadingCampaignEndsWithExponentRowsPerThresholdAndCombined() {
        CampaignPlan plan = TaskPlanner.plan(CampaignParser.parse("""
                campaign { name = spreading-fit, seed = 16 }
                grid {
                  arch = [cnn1d]
                  activation = tanh
                  sigma_b = 0.3
                  sigma_w = [1.2, 1.45, 1.7]
                  channels = [4]
                  size = [64]
                  depth = 48
                  replicas = 12
                  protocol = spreading
                }
                analysis { bootstrap = 20 }
                """, "spreading.conf", List.of("campaign.output=\"" + temp + "\"")));
        CampaignRun.execute(SharedSpark.session(), plan, new CampaignStore(temp), new SweepJob.Settings(2, 0),
                (d, t) -> { });
        SparkSession spark = SharedSpark.session();
        for (String scope : List.of("L=64", "L=64, threshold=1.0E-6", "L=64, threshold=0.001")) {
            for (String quantity : List.of("spreading_delta", "spreading_theta", "spreading_z")) {
                List<Row> rows = spark.sql("SELECT method, stderr, fit_window FROM fits WHERE scope = '" + scope
                        + "' AND quantity = '" + quantity + "'").collectAsList();
                assertEquals(1, rows.size(), scope + " " + quantity);
                assertTrue(rows.get(0).getString(0).endsWith("+bootstrap"), rows.get(0).toString());
                assertTrue(rows.get(0).getDouble(1) >= 0.0, rows.get(0).toString());
                assertTrue(rows.get(0).getString(2).contains("layers 10.."), rows.get(0).toString());
            }
        }
        assertTrue(spark.sql("SELECT * FROM fits WHERE quantity LIKE '%_threshold_tension'").count() >= 3);
        assertEquals(spark.sql("SELECT * FROM fits").count(),
                spark.sql("SELECT DISTINCT scope, quantity FROM fits").count(), "the fits key stays unique");
        assertTrue(spark.sql("SELECT * FROM fit_curves WHERE curve = 'spreading_delta_eff'").count() > 0);
    }
}
