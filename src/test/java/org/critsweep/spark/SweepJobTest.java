package org.critsweep.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.critsweep.grid.CampaignPlan;
import org.critsweep.grid.SweepTask;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SweepJobTest {

    @TempDir
    Path temp;

    static List<String> sortedRows(SparkSession spark, String path) {
        List<String> rows = new ArrayList<>();
        for (Row r : spark.read().parquet(path).collectAsList()) {
            rows.add(exact(r));
        }
        rows.sort(Comparator.naturalOrder());
        return rows;
    }

    /** A row as text with every double as its raw bits, so equal strings mean bit-identical rows. */
    static String exact(Row r) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < r.size(); i++) {
            Object v = r.get(i);
            s.append(v instanceof Double d ? Long.toHexString(Double.doubleToRawLongBits(d)) : String.valueOf(v)).append('|');
        }
        return s.toString();
    }

    @Test
    void rawRowsAreBitIdenticalWhateverThePartitioningAndTaskSplit() {
        SparkSession spark = SharedSpark.session();
        CampaignPlan plan = TinyCampaigns.plan(temp.resolve("a").toString());
        CampaignStore one = new CampaignStore(temp.resolve("one"));
        CampaignStore many = new CampaignStore(temp.resolve("many"));
        SweepJob.run(spark, plan, one, 1, (done, total) -> { });
        CampaignPlan replicaPerTask = new CampaignPlan(plan.campaign(), plan.points(), plan.tasks().stream()
                .flatMap(t -> java.util.stream.IntStream.range(t.firstReplica(), t.firstReplica() + t.replicaCount())
                        .mapToObj(r -> new SweepTask(t.point(), r, 1, t.cost() / t.replicaCount())))
                .toList());
        SweepJob.run(spark, replicaPerTask, many, 7, (done, total) -> { });

        List<String> a = sortedRows(spark, one.table(Tables.RAW));
        List<String> b = sortedRows(spark, many.table(Tables.RAW));
        assertEquals(4 * 5 * 21, a.size(), "points × replicas × (depth + 1) layers");
        assertEquals(a, b);
    }

    @Test
    void rowsOfATaskAreAPureFunctionOfItsKey() {
        CampaignPlan plan = TinyCampaigns.plan(temp.toString());
        SweepTask task = plan.tasks().get(3);
        long seed = plan.campaign().seed();
        List<String> first = ReplicaRows.of(task, seed, plan.campaign().grid()).stream().map(SweepJobTest::exact).toList();
        List<String> again = ReplicaRows.of(task, seed, plan.campaign().grid()).stream().map(SweepJobTest::exact).toList();
        assertEquals(first, again);
        List<String> otherSeed = ReplicaRows.of(task, seed + 1, plan.campaign().grid()).stream().map(SweepJobTest::exact).toList();
        assertTrue(!first.equals(otherSeed), "the campaign seed keys the streams");
    }

    @Test
    void progressReportsEveryPartitionOnce() {
        SparkSession spark = SharedSpark.session();
        CampaignPlan plan = TinyCampaigns.plan(temp.toString());
        List<Integer> seen = java.util.Collections.synchronizedList(new ArrayList<>());
        SweepJob.run(spark, plan, new CampaignStore(temp.resolve("p")), 3, (done, total) -> {
            assertEquals(3, total);
            seen.add(done);
        });
        // The listener bus delivers asynchronously; wait briefly for the last events.
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (seen.size() < 3 && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertEquals(List.of(1, 2, 3), seen.stream().sorted().toList());
    }
}
