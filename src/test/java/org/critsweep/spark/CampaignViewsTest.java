package org.critsweep.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.critsweep.grid.BadInputException;
import org.critsweep.grid.CampaignPlan;
import org.critsweep.store.CampaignStore;
import org.critsweep.store.TableNames;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Several campaigns' tables as one set of views, each row labelled with its campaign. */
class CampaignViewsTest {

    @TempDir
    static Path temp;

    /** Campaign "a": swept, theory and curves written, no manifest (labelled by its directory). */
    static Path a;
    /** Campaign "b": swept only (no theory, no curves), with the manifest of the tiny campaign (name "tiny"). */
    static Path b;

    @BeforeAll
    static void sweep() {
        SparkSession spark = SharedSpark.session();
        a = temp.resolve("a");
        CampaignPlan planA = TinyCampaigns.plan(a.toString(), "grid.width=[8]");
        CampaignStore storeA = new CampaignStore(a);
        SweepJob.run(spark, planA, storeA, new SweepJob.Settings(2, 0), (d, t) -> { });
        TheoryStage.writeCurves(spark, planA, storeA);
        CurvesAggregation.run(spark, storeA);
        b = temp.resolve("b");
        CampaignPlan planB = TinyCampaigns.plan(b.toString(), "grid.sigma_w=[1.4]", "grid.replicas=3");
        CampaignStore storeB = new CampaignStore(b);
        SweepJob.run(spark, planB, storeB, new SweepJob.Settings(2, 0), (d, t) -> { });
        storeB.writeManifest(planB.campaign(), Map.of());
    }

    static Map<String, Long> countsByCampaign(SparkSession spark, String view) {
        Map<String, Long> counts = new TreeMap<>();
        for (Row row : spark.sql("SELECT campaign, COUNT(*) FROM " + view + " GROUP BY campaign").collectAsList()) {
            counts.put(row.getString(0), row.getLong(1));
        }
        return counts;
    }

    @Test
    void viewsUnionTheCampaignsThatHaveEachTableUnderTheirLabels() {
        SparkSession spark = SharedSpark.session();
        List<String> views = CampaignViews.register(spark, List.of(a, b, a.resolve("../a")));
        assertEquals(List.of(TableNames.POINTS, TableNames.RAW, TableNames.THEORY, TableNames.CURVES), views);
        // TinyCampaigns: depth 20, every layer recorded (21 per replica); a has 2 sigma_w x 1 width and 5 replicas,
        // b 1 sigma_w x 2 widths and 3 replicas. a was given twice and counts once.
        assertEquals(Map.of("a", 2L * 5 * 21, "tiny", 2L * 3 * 21), countsByCampaign(spark, TableNames.RAW));
        assertEquals(Map.of("a", 2L, "tiny", 2L), countsByCampaign(spark, TableNames.POINTS));
        assertEquals(Map.of("a", 2L * 21), countsByCampaign(spark, TableNames.CURVES), "only a has curves");
        List<String> expected = new ArrayList<>(List.of(CampaignViews.CAMPAIGN));
        expected.addAll(List.of(Tables.RAW_SCHEMA.fieldNames()));
        assertEquals(expected, List.of(spark.table(TableNames.RAW).columns()));
    }

    @Test
    void aColumnThatOneCampaignLacksIsNullInItsRows() {
        SparkSession spark = SharedSpark.session();
        Path older = temp.resolve("older");
        spark.read().parquet(a.resolve(TableNames.POINTS).toString()).drop("phase").write()
                .parquet(older.resolve(TableNames.POINTS).toString());
        CampaignViews.register(spark, List.of(a, older));
        List<Row> rows = spark.sql("SELECT campaign, COUNT(phase), COUNT(*) FROM points GROUP BY campaign"
                + " ORDER BY campaign").collectAsList();
        assertEquals("[[a,2,2], [older,0,2]]", rows.toString());
    }

    @Test
    void viewsOfAnEarlierRegistrationAreDropped() {
        SparkSession spark = SharedSpark.session();
        CampaignViews.register(spark, List.of(a));
        assertTrue(spark.catalog().tableExists(TableNames.CURVES));
        assertEquals(List.of(TableNames.POINTS, TableNames.RAW), CampaignViews.register(spark, List.of(b)));
        assertFalse(spark.catalog().tableExists(TableNames.CURVES), "b has no curves: a's must not linger");
    }

    @Test
    void aDirectoryThatIsNotACampaignOrTwoCampaignsOfOneNameAreRefused() throws Exception {
        SparkSession spark = SharedSpark.session();
        Path empty = Files.createDirectories(temp.resolve("empty"));
        BadInputException notOne = assertThrows(BadInputException.class,
                () -> CampaignViews.register(spark, List.of(a, empty)));
        assertEquals("--campaign: " + empty + " is not a critsweep campaign: it holds none of the tables points, raw,"
                + " theory, curves, fits, fit_curves", notOne.getMessage());
        Path absent = temp.resolve("absent");
        assertEquals("--campaign: " + absent + " does not exist", assertThrows(BadInputException.class,
                () -> CampaignViews.register(spark, List.of(absent))).getMessage());

        Path twin = temp.resolve("twin");
        CampaignPlan plan = TinyCampaigns.plan(twin.toString(), "grid.sigma_w=[1.4]", "grid.width=[8]",
                "grid.replicas=1");
        SweepJob.run(spark, plan, new CampaignStore(twin), new SweepJob.Settings(1, 0), (d, t) -> { });
        new CampaignStore(twin).writeManifest(plan.campaign(), Map.of());
        BadInputException same = assertThrows(BadInputException.class,
                () -> CampaignViews.register(spark, List.of(b, twin)));
        assertTrue(same.getMessage().contains(b + " and " + twin + " both hold campaign 'tiny'"), same.getMessage());
    }
}
