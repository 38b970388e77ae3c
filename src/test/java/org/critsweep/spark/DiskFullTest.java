package org.critsweep.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.spark.sql.SparkSession;
import org.critsweep.grid.CampaignPlan;
import org.critsweep.store.CampaignDamage;
import org.critsweep.store.CampaignFailure;
import org.critsweep.store.CampaignStore;
import org.critsweep.store.PointCommits;
import org.critsweep.store.TableNames;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A disk that fills up while the sweep writes: a one-line failure, and a resume that ends with every row once. */
class DiskFullTest {

    /** A batch so small that every point is one. */
    private static final double POINT_PER_BATCH = 1e-12;

    @TempDir
    Path temp;

    @Test
    void aFullDiskStopsTheSweepWithItsReasonAndTheResumeEndsWithEveryRowOnce() throws IOException {
        SparkSession spark = SharedSpark.session();
        CampaignPlan plan = TinyCampaigns.plan(temp.resolve("a").toString());
        CampaignStore reference = new CampaignStore(temp.resolve("reference"));
        SweepJob.run(spark, plan, reference, new SweepJob.Settings(1, POINT_PER_BATCH), (d, t) -> { });
        long pointFile = largestPartFile(reference);

        CampaignStore full = new CampaignStore(temp.resolve("full"));
        CampaignFailure failure;
        try (FullDiskFileSystem.Installed disk = FullDiskFileSystem.install(spark, full.root(), 2 * pointFile)) {
            failure = assertThrows(CampaignFailure.class, () -> SweepJob.run(spark, plan, full,
                    new SweepJob.Settings(1, POINT_PER_BATCH), (d, t) -> { }));
        }
        assertTrue(failure.getMessage().matches(Pattern.quote("cannot write " + Path.of(full.table(TableNames.RAW),
                "_staging", "batch-")) + "\\d: No space left on device \\(free space or fix the file system, then rerun: what was"
                + " committed is kept\\)"), failure.getMessage());
        Set<String> committedBefore = new PointCommits(full).committed().keySet();
        assertTrue(committedBefore.size() < plan.points().size(), "the disk filled before the last point");

        SweepJob.Outcome resumed = SweepJob.run(spark, plan, full, new SweepJob.Settings(1, POINT_PER_BATCH),
                (d, t) -> { });
        assertEquals(committedBefore.size(), resumed.pointsReused());
        assertEquals(plan.tasks().stream().filter(t -> !committedBefore.contains(t.point().pointId())).count(),
                resumed.tasksRun(), "the tasks of the points not committed when the disk filled, no other");
        List<String> rows = SweepJobTest.sortedRows(spark, full.table(TableNames.RAW));
        Map<String, Long> perKey = spark.read().schema(Tables.RAW_SCHEMA).parquet(full.table(TableNames.RAW))
                .groupBy("point_id", "replica", "layer").count().collectAsList().stream()
                .collect(Collectors.toMap(r -> r.getString(0) + "/" + r.getInt(1) + "/" + r.getInt(2), r -> r.getLong(3)));
        assertEquals(plan.points().size() * 5 * 21, perKey.size(), "every (point, replica, layer)");
        assertEquals(Map.of(1L, (long) perKey.size()), perKey.values().stream()
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting())), "each exactly once");
        assertEquals(SweepJobTest.sortedRows(spark, reference.table(TableNames.RAW)), rows);
        assertEquals(List.of(), CampaignDamage.find(full));
    }

    private static long largestPartFile(CampaignStore store) throws IOException {
        try (var files = Files.walk(Path.of(store.table(TableNames.RAW)))) {
            return files.filter(f -> f.getFileName().toString().endsWith(".parquet")).mapToLong(f -> f.toFile().length())
                    .max().orElseThrow();
        }
    }
}
