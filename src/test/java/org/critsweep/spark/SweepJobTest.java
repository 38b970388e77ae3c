package org.critsweep.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.critsweep.grid.CampaignPlan;
import org.critsweep.grid.SweepTask;
import org.critsweep.store.CampaignStore;
import org.critsweep.store.TableNames;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SweepJobTest {

    @TempDir
    Path temp;

    static List<String> sortedRows(SparkSession spark, String path) {
        List<String> rows = new ArrayList<>();
        for (Row r : spark.read().schema(Tables.RAW_SCHEMA).parquet(path).collectAsList()) {
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

    /** A batch size so small that every point is a batch of its own. */
    private static final double POINT_PER_BATCH = 1e-12;

    @Test
    void rawRowsAreBitIdenticalWhateverThePartitioningAndBatching() {
        SparkSession spark = SharedSpark.session();
        CampaignPlan plan = TinyCampaigns.plan(temp.resolve("a").toString());
        CampaignStore one = new CampaignStore(temp.resolve("one"));
        CampaignStore many = new CampaignStore(temp.resolve("many"));
        SweepJob.Outcome single = SweepJob.run(spark, plan, one, new SweepJob.Settings(1, 0), (done, total) -> { });
        SweepJob.Outcome split = SweepJob.run(spark, plan, many, new SweepJob.Settings(7, POINT_PER_BATCH),
                (done, total) -> { });
        assertEquals(1, single.batches());
        assertEquals(4, split.batches(), "one batch per point");

        List<String> a = sortedRows(spark, one.table(TableNames.RAW));
        List<String> b = sortedRows(spark, many.table(TableNames.RAW));
        assertEquals(4 * 5 * 21, a.size(), "points × replicas × (depth + 1) layers");
        assertEquals(a, b);
    }

    /**
     * What a driver killed mid-run leaves — a staging directory, a point directory without its marker, a stray file
     * in a committed point — is cleaned, and the rerun computes exactly the uncommitted points.
     */
    @Test
    void rerunAfterACrashComputesOnlyWhatIsMissingAndEndsWithTheSameRows() throws Exception {
        SparkSession spark = SharedSpark.session();
        CampaignPlan plan = TinyCampaigns.plan(temp.resolve("a").toString());
        CampaignStore reference = new CampaignStore(temp.resolve("reference"));
        SweepJob.run(spark, plan, reference, new SweepJob.Settings(2, 0), (done, total) -> { });
        CampaignStore crashed = new CampaignStore(temp.resolve("crashed"));
        SweepJob.run(spark, plan, crashed, new SweepJob.Settings(2, POINT_PER_BATCH), (done, total) -> { });

        Path raw = Path.of(crashed.table(TableNames.RAW));
        Path markers = crashed.root().resolve("_campaign/points");
        String lost = plan.points().get(1).pointId();
        java.nio.file.Files.delete(markers.resolve(lost + ".json")); // killed between the rename and the marker
        Path stray = raw.resolve("point_id=" + plan.points().get(2).pointId()).resolve("part-stray.parquet");
        java.nio.file.Files.copy(raw.resolve("point_id=" + lost).toFile().listFiles()[0].toPath(), stray);
        java.nio.file.Files.createDirectories(raw.resolve("_staging/batch-9/point_id=" + lost));

        SweepJob.Outcome rerun = SweepJob.run(spark, plan, crashed, new SweepJob.Settings(2, 0), (done, total) -> { });
        assertEquals(3, rerun.pointsReused());
        assertEquals(plan.tasks().stream().filter(t -> t.point().pointId().equals(lost)).count(), rerun.tasksRun());
        assertEquals(sortedRows(spark, reference.table(TableNames.RAW)),
                sortedRows(spark, crashed.table(TableNames.RAW)));
        assertTrue(!java.nio.file.Files.exists(raw.resolve("_staging")));
    }

    /** More replicas and a new width: only the new work runs, and the rows equal a fresh run of the grown grid. */
    @Test
    void growingACampaignComputesOnlyTheNewWork() {
        SparkSession spark = SharedSpark.session();
        CampaignPlan small = TinyCampaigns.plan(temp.resolve("a").toString());
        CampaignPlan grown = TinyCampaigns.plan(temp.resolve("a").toString(), "grid.replicas=7", "grid.width=[8, 12, 16]");
        CampaignStore store = new CampaignStore(temp.resolve("grow"));
        SweepJob.run(spark, small, store, new SweepJob.Settings(2, 0), (done, total) -> { });
        SweepJob.Outcome growth = SweepJob.run(spark, grown, store, new SweepJob.Settings(2, POINT_PER_BATCH),
                (done, total) -> { });
        assertEquals(0, growth.pointsReused(), "every old point gains two replicas");
        assertEquals(4 + 2, growth.tasksRun(), "replicas 5..6 of the four old points, all 7 of the two new ones");
        CampaignStore fresh = new CampaignStore(temp.resolve("fresh"));
        SweepJob.run(spark, grown, fresh, new SweepJob.Settings(3, 0), (done, total) -> { });
        List<String> rows = sortedRows(spark, store.table(TableNames.RAW));
        assertEquals(6 * 7 * 21, rows.size());
        assertEquals(sortedRows(spark, fresh.table(TableNames.RAW)), rows);
        assertThrows(org.critsweep.grid.BadInputException.class, () -> SweepJob.run(spark, small, store,
                new SweepJob.Settings(2, 0), (done, total) -> { }), "a campaign does not shrink");
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
    void progressReportsEveryPartitionOnceInTasksWithTheirTime() {
        SparkSession spark = SharedSpark.session();
        CampaignPlan plan = TinyCampaigns.plan(temp.toString());
        List<ProgressListener.SweepTally> seen = java.util.Collections.synchronizedList(new ArrayList<>());
        SweepJob.run(spark, plan, new CampaignStore(temp.resolve("p")), new SweepJob.Settings(3, 0),
                new ProgressListener() {
                    @Override
                    public void update(int finished, int total) {
                        throw new AssertionError("sweep() reports");
                    }

                    @Override
                    public void sweep(ProgressListener.SweepTally tally) {
                        seen.add(tally);
                    }
                });
        // The listener bus delivers asynchronously; wait briefly for the last events.
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (seen.size() < 3 && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        List<ProgressListener.SweepTally> tallies = seen.stream()
                .sorted(java.util.Comparator.comparingInt(ProgressListener.SweepTally::finishedParts)).toList();
        assertEquals(List.of(1, 2, 3), tallies.stream().map(ProgressListener.SweepTally::finishedParts).toList());
        ProgressListener.SweepTally last = tallies.get(2);
        assertEquals(plan.tasks().size(), last.totalTasks(), "the unit is the plan's task");
        assertEquals(plan.tasks().size(), last.finishedTasks());
        assertEquals(plan.totalCost(), last.totalCost(), 1e-9 * plan.totalCost());
        assertEquals(plan.totalCost(), last.finishedCost(), 1e-9 * plan.totalCost());
        assertTrue(last.taskSeconds() > 0, last.toString());
        assertEquals(spark.sparkContext().defaultParallelism(), last.cores());
    }

    @Test
    void pipelinedBatchesCommitInOrderEachAfterItsWriteWithAtMostTwoInFlight() {
        java.util.concurrent.atomic.AtomicInteger running = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicInteger mostRunning = new java.util.concurrent.atomic.AtomicInteger();
        java.util.Set<Integer> written = java.util.concurrent.ConcurrentHashMap.newKeySet();
        List<Integer> commits = new ArrayList<>();
        SweepJob.runPipelined(7, b -> {
            mostRunning.accumulateAndGet(running.incrementAndGet(), Math::max);
            try {
                Thread.sleep(b % 2 == 0 ? 30 : 5);  // uneven batches: later ones may finish first
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            written.add(b);
            running.decrementAndGet();
        }, b -> {
            assertTrue(written.contains(b), "batch " + b + " committed before its write finished");
            commits.add(b);
        }, () -> { });
        assertEquals(List.of(0, 1, 2, 3, 4, 5, 6), commits);
        assertEquals(2, mostRunning.get(), "two batches in flight, never more");
    }

    @Test
    void aFailedBatchWriteStopsTheCommitsAndSurfacesItsError() {
        List<Integer> commits = new ArrayList<>();
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> SweepJob.runPipelined(5, b -> {
            if (b == 2) {
                throw new IllegalStateException("disk full in batch 2");
            }
        }, commits::add, () -> { }));
        assertEquals("disk full in batch 2", e.getMessage());
        assertTrue(commits.size() <= 2 && commits.equals(List.of(0, 1).subList(0, commits.size())),
                "only batches before the failed one committed: " + commits);
    }

    /** Regression: a failed sweep returned while the next batch was still writing, racing a resume in the same JVM. */
    @Test
    void aFailedBatchWriteCancelsAndAwaitsTheBatchStillWritingBeforeItThrows() {
        java.util.concurrent.atomic.AtomicBoolean cancelled = new java.util.concurrent.atomic.AtomicBoolean();
        java.util.concurrent.atomic.AtomicBoolean laterBatchEnded = new java.util.concurrent.atomic.AtomicBoolean();
        assertThrows(IllegalStateException.class, () -> SweepJob.runPipelined(3, b -> {
            if (b == 1) {
                throw new IllegalStateException("disk full in batch 1");
            }
            if (b == 2) {
                try {
                    Thread.sleep(300);
                    laterBatchEnded.set(true);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }, b -> { }, () -> cancelled.set(true)));
        assertTrue(cancelled.get(), "the batches still in flight are cancelled");
        assertTrue(laterBatchEnded.get(), "the failure surfaced while batch 2 was still writing");
    }
}
