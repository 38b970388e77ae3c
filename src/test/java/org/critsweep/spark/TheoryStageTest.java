package org.critsweep.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.critsweep.grid.CampaignPlan;
import org.critsweep.store.CampaignStore;
import org.critsweep.store.TableNames;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The theory stage's two paths — on the driver (few curves, while the sweep runs) and on the executors (many) —
 * write the same rows bit for bit, and those rows follow ReLU's closed form q_l = (σ_w²/2)^l q0 (PHYSICS.md §4).
 */
class TheoryStageTest {

    @TempDir
    Path temp;

    @Test
    void theDriverAndTheExecutorsWriteTheSameRows() {
        SparkSession spark = SharedSpark.session();
        CampaignPlan plan = TinyCampaigns.plan(temp.toString(), "grid.activation=[tanh, relu]", "grid.sigma_b=[0.3]");
        List<List<String>> tables = new java.util.ArrayList<>();
        for (boolean onDriver : new boolean[] {true, false}) {
            CampaignStore store = new CampaignStore(temp.resolve(onDriver ? "driver" : "executors"));
            TheoryStage.start(spark, plan, onDriver).write(store);
            tables.add(CampaignTables.read(spark, store, TableNames.THEORY).orderBy("point_id", "layer")
                    .collectAsList().stream().map(SweepJobTest::exact).toList());
        }
        // 2 activations × 2 sigma_w × 2 widths, each of depth 20: every point has its 21 layers.
        assertEquals(8 * 21, tables.get(0).size());
        assertEquals(tables.get(0), tables.get(1));
    }

    @Test
    void reluRowsFollowTheClosedFormOfTheLengthMap() {
        SparkSession spark = SharedSpark.session();
        CampaignPlan plan = TinyCampaigns.plan(temp.toString(), "grid.activation=[relu]", "grid.sigma_b=[0]",
                "grid.sigma_w=[1.1]", "grid.width=[8]");
        CampaignStore store = new CampaignStore(temp);
        TheoryStage.writeCurves(spark, plan, store);
        List<Row> rows = CampaignTables.read(spark, store, TableNames.THEORY).orderBy("layer").collectAsList();
        assertEquals(21, rows.size());
        for (Row row : rows) {
            int layer = row.getInt(row.fieldIndex("layer"));
            double expected = Math.pow(1.1 * 1.1 / 2.0, layer);
            assertEquals(expected, row.getDouble(row.fieldIndex("mf_q")), 1e-13 * expected, "layer " + layer);
        }
    }

    @Test
    void theQuickstartsCurvesAreComputedOnTheDriverAndAGridOfThousandsOnTheExecutors() {
        CampaignPlan quickstart = TinyCampaigns.plan(temp.toString(), "grid.sigma_w={ linspace = [1.3, 1.5, 11] }",
                "grid.width=[64, 128, 256]", "grid.depth=512");
        // 11 distinct curves (the widths share them) of 513 layers.
        assertEquals(11 * 513, TheoryStage.layerMaps(TheoryStage.work(quickstart)));
        assertTrue(TheoryStage.layerMaps(TheoryStage.work(quickstart)) <= TheoryStage.DRIVER_LAYER_MAPS);
        CampaignPlan large = TinyCampaigns.plan(temp.toString(), "grid.sigma_w={ linspace = [1.3, 1.5, 50] }",
                "grid.depth=512");
        assertTrue(TheoryStage.layerMaps(TheoryStage.work(large)) > TheoryStage.DRIVER_LAYER_MAPS);
    }
}
