package org.critsweep.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import org.critsweep.grid.CampaignPlan;
import org.critsweep.grid.GridPoint;
import org.critsweep.store.CampaignDamage;
import org.critsweep.store.CampaignFailure;
import org.critsweep.store.CampaignStore;
import org.critsweep.store.Damage;
import org.critsweep.store.PointCommits;
import org.critsweep.store.TableNames;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Damage done by hand to copies of one real (tiny) campaign, one kind at a time: the check finds each and names the
 * point, a stage that would read it is refused, and a sweep recomputes exactly the damaged points and ends with the
 * rows of the undamaged campaign, bit for bit.
 */
class CampaignDamageTest {

    @TempDir
    static Path temp;
    private static CampaignPlan plan;
    private static CampaignStore reference;
    /** The point ids, sorted as the damage check lists them. */
    private static List<String> ids;
    private static int copies;

    /** Writes a file's damage and returns the lines the check must report. */
    interface Damager {
        List<String> apply(CampaignStore store) throws IOException;
    }

    @BeforeAll
    static void sweepOnce() {
        plan = TinyCampaigns.plan(temp.resolve("unused").toString());
        reference = new CampaignStore(temp.resolve("reference"));
        SweepJob.run(SharedSpark.session(), plan, reference, new SweepJob.Settings(1, 0), (d, t) -> { });
        reference.writeManifest(plan.campaign(), Map.of("status", "running")); // swept; its later stages to come
        ids = plan.points().stream().map(GridPoint::pointId).sorted().toList();
    }

    static Stream<Arguments> damages() {
        return Stream.of(
                Arguments.of("zero-byte part file", (Damager) s -> {
                    Path file = partFile(s, ids.get(0));
                    truncate(file, 0);
                    return List.of(line(s, 0, file, "is empty (0 bytes)"));
                }),
                Arguments.of("truncated part file", (Damager) s -> {
                    Path file = partFile(s, ids.get(1));
                    long half = Files.size(file) / 2;
                    truncate(file, half);
                    return List.of(line(s, 1, file, "is truncated (" + half + " bytes, no Parquet footer: no PAR1 at"
                            + " its end)"));
                }),
                Arguments.of("marker without data", (Damager) s -> {
                    Path dir = new PointCommits(s).directory(ids.get(2));
                    deleteTree(dir);
                    return List.of(line(s, 2, dir, "is missing (the point's marker commits 5 replicas to it)"));
                }),
                Arguments.of("marker naming a missing file", (Damager) s -> {
                    Path file = partFile(s, ids.get(3));
                    Files.delete(file);
                    return List.of(line(s, 3, file, "is missing (the point's marker names it)"));
                }),
                Arguments.of("missing commit marker", (Damager) s -> {
                    Files.delete(new PointCommits(s).marker(ids.get(0)));
                    return List.of(line(s, 0, new PointCommits(s).directory(ids.get(0)),
                            "has no commit marker (left by a killed run, or its marker was lost)"));
                }),
                Arguments.of("marker that does not parse", (Damager) s -> {
                    Path marker = new PointCommits(s).marker(ids.get(1));
                    Files.writeString(marker, "{\"replicas\": 5");
                    return List.of(line(s, 1, marker, "does not parse (line 1: Expecting close brace } or a comma,"
                            + " got end of file)"));
                }),
                Arguments.of("file the marker does not name", (Damager) s -> {
                    Path stray = new PointCommits(s).directory(ids.get(2)).resolve("part-stray.parquet");
                    Files.copy(partFile(s, ids.get(3)), stray);
                    return List.of(line(s, 2, stray, "is not named by the point's marker (left by a killed commit)"));
                }),
                Arguments.of("manifest that does not parse", (Damager) s -> {
                    Files.writeString(s.manifestFile(), "{\n    \"code_version\" : \"dev\",\n    \"conf");
                    return List.of("_campaign/manifest.json does not parse (line 3: Expecting close brace } or a field"
                            + " name here, got '' (End of input but string quote was still open))");
                }),
                Arguments.of("table whose write did not finish", (Damager) s -> {
                    Files.delete(Path.of(s.table(TableNames.POINTS), "_SUCCESS"));
                    return List.of("table points: points is incomplete (no _SUCCESS: its last write did not finish): rebuilt by"
                            + " run");
                }),
                Arguments.of("truncated table part file", (Damager) s -> {
                    Path file = dataFiles(Path.of(s.table(TableNames.POINTS))).get(0);
                    truncate(file, 100);
                    return List.of("table points: " + s.root().relativize(file) + " is truncated (100 bytes, no Parquet"
                            + " footer: no PAR1 at its end)");
                }));
    }

    @Test
    void anUndamagedCampaignHasNoDamage() {
        assertEquals(List.of(), CampaignDamage.find(reference));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("damages")
    void eachKindOfDamageIsFoundAndNamed(String kind, Damager damager) throws IOException {
        CampaignStore store = copy();
        List<String> expected = damager.apply(store);
        assertEquals(expected, CampaignDamage.find(store).stream().map(Damage::describe).toList());
    }

    @Test
    void aStageIsRefusedDamageInWhatItReadsAndNotDamageElsewhere() throws IOException {
        CampaignStore store = copy();
        truncate(partFile(store, ids.get(3)), 0);
        Files.delete(new PointCommits(store).marker(ids.get(1)));
        CampaignFailure refused = assertThrows(CampaignFailure.class,
                () -> CampaignDamage.requireIntact(store, FitStage.INPUTS, "fit"));
        assertEquals(store.root() + " has damaged outputs, which fit would read: 2 damaged points (" + ids.get(1) + ", "
                + ids.get(3) + "). `critsweep status " + store.root() + "` says what is wrong; rerunning the campaign"
                + " (critsweep run with its campaign file) recomputes the damaged points and rewrites the rest",
                refused.getMessage());

        CampaignStore pointsTableOnly = copy();
        Files.delete(Path.of(pointsTableOnly.table(TableNames.POINTS), "_SUCCESS"));
        CampaignDamage.requireIntact(pointsTableOnly, List.of(TableNames.RAW, TableNames.CURVES),
                "a stage without points");
        assertThrows(CampaignFailure.class,
                () -> CampaignDamage.requireIntact(pointsTableOnly, FitStage.INPUTS, "fit"));
    }

    @Test
    void theSummaryNamesFiveDamagedPointsCountsTheRestAndNamesTablesAndTheManifestOnce() {
        List<Damage> damage = new ArrayList<>();
        damage.add(new Damage(Damage.Part.MANIFEST, "manifest", Path.of("_campaign/manifest.json"), "does not parse"));
        IntStream.rangeClosed(1, 7).forEach(i -> damage.add(new Damage(Damage.Part.POINT, "p" + i,
                Path.of("raw/point_id=p" + i), "has no commit marker")));
        damage.add(new Damage(Damage.Part.POINT, "p1", Path.of("raw/point_id=p1/x"), "is empty (0 bytes)"));
        damage.add(new Damage(Damage.Part.TABLE, "curves", Path.of("curves"), "is incomplete"));
        damage.add(new Damage(Damage.Part.TABLE, "curves", Path.of("curves/part-0.parquet"), "is empty (0 bytes)"));
        assertEquals("7 damaged points (p1, p2, p3, p4, p5 and 2 more), table curves, the manifest",
                CampaignDamage.summary(damage));
    }

    /**
     * Two points damaged, one left as a killed commit leaves it (no marker), one untouched: the sweep recomputes the
     * three and leaves the fourth alone.
     */
    @Test
    void aSweepRecomputesExactlyTheDamagedPointsAndEndsWithTheUndamagedRows() throws IOException {
        SparkSession spark = SharedSpark.session();
        CampaignStore store = copy();
        PointCommits commits = new PointCommits(store);
        truncate(partFile(store, ids.get(0)), 0);
        deleteTree(commits.directory(ids.get(1)));
        Files.delete(commits.marker(ids.get(2)));
        Path untouched = partFile(store, ids.get(3));
        byte[] untouchedBytes = Files.readAllBytes(untouched);
        List<String> damaged = ids.subList(0, 3);

        SweepJob.Outcome repair = SweepJob.run(spark, plan, store, new SweepJob.Settings(2, 0), (d, t) -> { });
        assertEquals(2, repair.pointsRepaired(), "the point without a marker was never committed");
        assertEquals(1, repair.pointsReused());
        assertEquals(plan.tasks().stream().filter(t -> damaged.contains(t.point().pointId())).count(),
                repair.tasksRun(), "the damaged points' tasks and no other");
        assertEquals(untouched, partFile(store, ids.get(3)), "the undamaged point keeps its file");
        assertArrayEquals(untouchedBytes, Files.readAllBytes(untouched));
        for (String id : damaged) {
            assertNotEquals(partFile(reference, id).getFileName(), partFile(store, id).getFileName(),
                    "point " + id + " written again");
        }
        assertEquals(SweepJobTest.sortedRows(spark, reference.table(TableNames.RAW)),
                SweepJobTest.sortedRows(spark, store.table(TableNames.RAW)));
        assertEquals(List.of(), CampaignDamage.find(store));
    }

    private static String line(CampaignStore store, int point, Path path, String problem) {
        return "point " + ids.get(point) + ": " + store.root().relativize(path) + " " + problem;
    }

    private static Path partFile(CampaignStore store, String id) throws IOException {
        List<Path> files = dataFiles(new PointCommits(store).directory(id));
        assertEquals(1, files.size(), "one part file per point: " + files);
        return files.get(0);
    }

    private static List<Path> dataFiles(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".parquet")
                    && !f.getFileName().toString().startsWith(".")).sorted().toList();
        }
    }

    private static void truncate(Path file, long length) throws IOException {
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            f.setLength(length);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    /** A copy of the reference campaign to damage. */
    private static CampaignStore copy() throws IOException {
        Path target = temp.resolve("copy-" + copies++);
        try (Stream<Path> walk = Files.walk(reference.root())) {
            for (Path source : walk.toList()) {
                Files.copy(source, target.resolve(reference.root().relativize(source)));
            }
        }
        return new CampaignStore(target);
    }
}
