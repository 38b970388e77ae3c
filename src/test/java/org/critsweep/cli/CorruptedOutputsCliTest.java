package org.critsweep.cli;

import static org.critsweep.testing.InProcessCli.cli;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.critsweep.grid.CampaignParser;
import org.critsweep.grid.GridPoint;
import org.critsweep.grid.TaskPlanner;
import org.critsweep.spark.FullDiskFileSystem;
import org.critsweep.spark.SharedSpark;
import org.critsweep.testing.Outcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Damaged outputs and a full disk through the real command line: {@code status} reports the damage (exit 0), {@code
 * fit} refuses it (exit 1, naming the points), {@code run} repairs it; a full disk ends {@code run} with exit 1 and
 * one line, and the next run resumes.
 */
class CorruptedOutputsCliTest {

    private static final String CAMPAIGN = """
            campaign { name = damage, seed = 7883 }
            grid { activation = tanh, sigma_b = 0.3, sigma_w = [1.1, 1.7], width = [8, 12], depth = 20, replicas = 5 }
            analysis { bootstrap = 0, collapse = [] }
            """;

    @TempDir
    Path temp;

    private Path output() {
        return temp.resolve("out");
    }

    private String conf() throws IOException {
        Path file = temp.resolve("damage.conf");
        Files.writeString(file, CAMPAIGN + "campaign.output = \"" + output() + "\"\n");
        return file.toString();
    }

    /** The grid's point ids, sorted as the damage check lists them. */
    private List<String> pointIds() throws IOException {
        return TaskPlanner.plan(CampaignParser.parse(Files.readString(Path.of(conf())), "damage.conf", List.of()))
                .points().stream().map(GridPoint::pointId).sorted().toList();
    }

    @Test
    void statusReportsTheDamageFitRefusesItAndRunRecomputesIt() throws IOException {
        String conf = conf();
        assertEquals(0, cli("run", conf, "--master", "local[2]").exitCode());
        Outcome intact = cli("status", output().toString());
        assertEquals(0, intact.exitCode(), intact.err());
        assertTrue(intact.out().contains("\ndamage: none\n"), intact.out());

        List<String> ids = pointIds();
        Path truncated = partFile(ids.get(0));
        try (RandomAccessFile file = new RandomAccessFile(truncated.toFile(), "rw")) {
            file.setLength(file.length() / 2);
        }
        Files.delete(output().resolve("_campaign/points/" + ids.get(2) + ".json"));
        Path manifest = output().resolve("_campaign/manifest.json");
        String text = Files.readString(manifest);
        Files.writeString(manifest, text.substring(0, text.indexOf('\n', text.indexOf("\"config_hash\"")) + 1));

        Outcome status = cli("status", output().toString());
        assertEquals(0, status.exitCode(), "a report, damage included: " + status.err());
        assertTrue(status.out().contains("status: unknown (the manifest is damaged)\n"), status.out());
        assertTrue(status.out().contains("DAMAGED: 3 problems; rerun the campaign (critsweep run with its campaign"
                + " file) to recompute the damaged points and rewrite the rest; fit refuses the campaign until then\n"
                + "  _campaign/manifest.json does not parse (line "), status.out());
        assertTrue(status.out().contains("\n  point " + ids.get(0) + ": " + output().relativize(truncated)
                + " is truncated ("), status.out());
        assertTrue(status.out().contains("\n  point " + ids.get(2) + ": raw/point_id=" + ids.get(2)
                + " has no commit marker (left by a killed run, or its marker was lost)\n"), status.out());

        Outcome fit = cli("fit", output().toString());
        assertEquals(1, fit.exitCode());
        assertEquals("critsweep: " + output() + " has damaged outputs, which fit would read: 2 damaged points ("
                + ids.get(0) + ", " + ids.get(2) + "), the manifest. `critsweep status " + output() + "` says what is"
                + " wrong; rerunning the campaign (critsweep run with its campaign file) recomputes the damaged points"
                + " and rewrites the rest\n", fit.err());

        Outcome run = cli("run", conf, "--master", "local[2]");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("sweep: 2 tasks computed in 1 batches; 2 points reused from earlier runs of this"
                + " campaign; 1 damaged point removed and computed again\n"), run.out());
        assertTrue(Files.exists(manifest.resolveSibling("manifest.json.damaged")), "the damaged manifest is kept");
        Outcome repaired = cli("status", output().toString());
        assertTrue(repaired.out().contains("status: complete\n") && repaired.out().contains("\ndamage: none\n"),
                repaired.out());
        assertEquals(0, cli("fit", output().toString()).exitCode());
    }

    @Test
    void aManifestWithoutItsHashStopsRunWithTwoAndChangesNothing() throws IOException {
        Path manifest = output().resolve("_campaign/manifest.json");
        Files.createDirectories(manifest.getParent());
        Files.writeString(manifest, "{\n  \"code_version\" : \"dev\",\n  \"config\" : {");
        List<String> before = listing(output());
        Outcome run = cli("run", conf());
        assertEquals(2, run.exitCode());
        assertTrue(run.err().startsWith("critsweep: campaign.output: " + manifest + " does not parse (line 3: "),
                run.err());
        assertTrue(run.err().contains(") and holds no config hash, so whether " + output() + " holds this campaign"
                + " cannot be checked; restore the manifest from a backup, or, if this campaign file made the"
                + " directory, write {\"config_hash\": \""), run.err());
        assertEquals(before, listing(output()));
    }

    @Test
    void aFullDiskEndsTheRunWithOneLineAndTheNextRunCompletesIt() throws IOException {
        String conf = conf();
        Outcome full;
        try (FullDiskFileSystem.Installed disk = FullDiskFileSystem.install(SharedSpark.session(), output(), 0)) {
            full = cli("run", conf, "--master", "local[2]");
        }
        assertEquals(1, full.exitCode());
        assertFalse(full.err().contains("\tat "), "no stack trace: " + full.err());
        List<String> lines = full.err().lines().toList();
        assertEquals("critsweep: cannot write " + output().resolve("raw/_staging/batch-0") + ": No space left on device"
                + " (free space or fix the file system, then rerun: what was committed is kept)",
                lines.get(lines.size() - 1));
        assertFalse(Files.exists(output().resolve("_campaign/lock")), "the lock is released");

        Outcome resumed = cli("run", conf, "--master", "local[2]");
        assertEquals(0, resumed.exitCode(), resumed.err());
        assertTrue(cli("status", output().toString()).out().contains("points committed: 4 / 4 (100 %)"));
    }

    private Path partFile(String pointId) throws IOException {
        try (Stream<Path> files = Files.list(output().resolve("raw/point_id=" + pointId))) {
            return files.filter(f -> f.getFileName().toString().startsWith("part-")).findFirst().orElseThrow();
        }
    }

    /** Every path under a directory with its size and modification time. */
    private static List<String> listing(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.sorted().map(p -> p + " " + p.toFile().length() + " " + p.toFile().lastModified()).toList();
        }
    }
}
