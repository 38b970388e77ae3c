package org.critsweep.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.critsweep.grid.CampaignPlan;
import org.critsweep.store.CampaignStore;
import org.critsweep.store.TableNames;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A campaign whose directory name holds Hadoop glob characters reads its own tables, not those of a sibling the
 * pattern would match ({@code br[1]} beside {@code br1}, {@code x*} beside {@code xa}), nor fails on a sibling whose
 * name has a colon.
 */
class GlobCharacterPathsTest {

    @TempDir
    static Path temp;

    @BeforeAll
    static void sweep() {
        run("br1", "[1.3, 1.4]");
        run("br[1]", "[1.5, 1.6]");
        run("xa", "[1.3, 1.4]");
        run("a:b", "[1.2]");
        run("x*", "[1.5, 1.6]");
    }

    /** Sweeps a one-width campaign in {@code temp/name} writes its theory and aggregates its curves. */
    private static void run(String name, String sigmaW) {
        SparkSession spark = SharedSpark.session();
        CampaignPlan plan = TinyCampaigns.plan(temp.resolve(name).toString(), "grid.width=[8]", "grid.replicas=2",
                "grid.sigma_w=" + sigmaW);
        CampaignStore store = new CampaignStore(temp.resolve(name));
        SweepJob.run(spark, plan, store, new SweepJob.Settings(2, 0), (d, t) -> { });
        TheoryStage.writeCurves(spark, plan, store);
        CurvesAggregation.run(spark, store);
    }

    private static Set<Double> sigmaW(String name) {
        SparkSession spark = SharedSpark.session();
        CampaignStore store = new CampaignStore(temp.resolve(name));
        Set<Double> values = new TreeSet<>();
        for (Row row : CampaignTables.read(spark, store, TableNames.POINTS).collectAsList()) {
            values.add(row.getDouble(row.fieldIndex("sigma_w")));
        }
        return values;
    }

    private static Set<String> pointIds(String name, String table) {
        SparkSession spark = SharedSpark.session();
        CampaignStore store = new CampaignStore(temp.resolve(name));
        Set<String> ids = new TreeSet<>();
        for (Row row : CampaignTables.read(spark, store, table).select("point_id").collectAsList()) {
            ids.add(row.getString(0));
        }
        return ids;
    }

    @Test
    void eachCampaignReadsItsOwnRows() {
        for (String name : List.of("br[1]", "br1", "x*", "xa", "a:b")) {
            Set<String> points = pointIds(name, TableNames.POINTS);
            assertEquals(points, pointIds(name, TableNames.RAW), name + ": raw");
            assertEquals(points, pointIds(name, TableNames.CURVES), name + ": curves");
        }
        assertEquals(Set.of(1.5, 1.6), sigmaW("br[1]"));
        assertEquals(Set.of(1.3, 1.4), sigmaW("br1"));
        assertEquals(Set.of(1.5, 1.6), sigmaW("x*"));
        assertEquals(Set.of(1.3, 1.4), sigmaW("xa"));
        assertEquals(Set.of(1.2), sigmaW("a:b"));
    }

    @Test
    void theViewsOfACampaignAreItsOwn() {
        SparkSession spark = SharedSpark.session();
        CampaignViews.register(spark, List.of(temp.resolve("br[1]")));
        Set<Double> values = new TreeSet<>();
        spark.sql("SELECT sigma_w FROM points").collectAsList().forEach(r -> values.add(r.getDouble(0)));
        assertEquals(Set.of(1.5, 1.6), values);
        assertEquals(2L * 2 * 21, spark.table(TableNames.RAW).count());
    }
}
