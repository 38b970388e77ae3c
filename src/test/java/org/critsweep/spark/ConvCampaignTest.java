package org.critsweep.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.critsweep.grid.CampaignPlan;
import org.critsweep.store.CampaignStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A CNN spreading campaign through every stage: the spreading observables reach raw, curves and points. */
class ConvCampaignTest {

    @TempDir
    Path temp;

    @Test
    void spreadingCampaignRecordsSurvivalActiveSitesAndSpread() {
        CampaignPlan plan = TinyCampaigns.spreading(temp.toString());
        SparkSession spark = SharedSpark.session();
        CampaignStore store = new CampaignStore(temp);
        CampaignRun.execute(spark, plan, store, new SweepJob.Settings(2, 0), (d, t) -> { });

        for (int k = 1; k <= 3; k++) {
            Row chaotic = spark.sql("SELECT survival_" + k + ", active_sites_mean_" + k + ", spread_r2_mean_" + k
                    + ", mf_rho FROM curves WHERE sigma_w = 3.0 AND layer = 12").first();
            assertEquals(1.0, chaotic.getDouble(0), "a chaotic spreading run survives, threshold " + k);
            assertTrue(chaotic.getDouble(1) > 1 && chaotic.getDouble(1) <= 25,
                    "1 < N_a <= 1 + 2l: " + chaotic.getDouble(1));
            assertTrue(chaotic.getDouble(2) > 0, "the active region has spread, threshold " + k);
            assertNull(chaotic.get(3), "no mean-field overlay for spreading runs");
        }
        Row ordered = spark.sql("SELECT survival_2 FROM curves WHERE sigma_w = 0.5 AND layer = 12").first();
        assertEquals(0.0, ordered.getDouble(0), "an ordered spreading run dies");
        Row nested = spark.sql("SELECT COUNT(*) FROM raw WHERE active_sites_1 < active_sites_2"
                + " OR active_sites_2 < active_sites_3").first();
        assertEquals(0L, nested.getLong(0), "a site above a threshold is above every lower one");
        Row point = spark.sql("SELECT arch, width, size, kernel_size, protocol FROM points LIMIT 1").first();
        assertEquals("cnn1d", point.getString(0));
        assertEquals(6, point.getInt(1));
        assertEquals(32, point.getInt(2));
        assertEquals(3, point.getInt(3));
        assertEquals("spreading", point.getString(4));
        Row layer0 = spark.sql("SELECT LEAST(MIN(active_sites_1), MIN(active_sites_3)),"
                + " GREATEST(MAX(active_sites_1), MAX(active_sites_3)) FROM raw WHERE layer = 0").first();
        assertEquals(1, layer0.getInt(0));
        assertEquals(1, layer0.getInt(1), "only the seed site differs at layer 0");
    }
}
