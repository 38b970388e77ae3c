package org.critsweep.cli;

import static org.critsweep.testing.InProcessCli.cli;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.critsweep.grid.CostModel;
import org.critsweep.testing.Outcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Bad input through the real command line beyond campaign files and {@code run}'s arguments (those are the catalogue
 * of {@link CampaignInputCatalogueTest}): exit code 2, a message naming the field, nothing written.
 */
class CliBadInputTest {

    @TempDir
    Path temp;

    String campaign(String gridLines) throws IOException {
        Path file = temp.resolve("c.conf");
        Files.writeString(file, "campaign { name = bad, seed = 1, output = \"" + temp.resolve("out") + "\" }\n"
                + "grid {\n activation = tanh\n sigma_b = 0.3\n " + gridLines + "\n}\n");
        return file.toString();
    }

    @Test
    void sqlFormatOutsideTheAllowedOnesExitsWithTwo() {
        Outcome format = cli("sql", "--campaign", temp.toString(), "--format", "xml", "SELECT 1");
        assertEquals(2, format.exitCode());
        assertTrue(format.err().contains("table, csv, json"), format.err());
    }

    @Test
    void sqlWithoutCampaignTablesExitsWithTwo() {
        Outcome o = cli("sql", "--campaign", temp.resolve("nowhere").toString(), "SELECT 1");
        assertEquals(2, o.exitCode());
        assertTrue(o.err().contains("--campaign: " + temp.resolve("nowhere") + " does not exist"), o.err());
    }

    @ParameterizedTest
    @ValueSource(strings = {"fit", "report"})
    void aStageRedoneOnADirectoryWithoutACampaignExitsWithTwoAndWritesNothing(String command) {
        Path nowhere = temp.resolve("nowhere");
        Outcome o = cli(command, nowhere.toString());
        assertEquals(2, o.exitCode());
        assertTrue(o.err().contains("DIR: " + nowhere + " is not a critsweep campaign (no _campaign/manifest.json)"),
                o.err());
        assertFalse(Files.exists(nowhere));
    }

    @Test
    void reportOfACampaignWithoutCurvesExitsWithTwoAndWritesNothing() throws IOException {
        Files.createDirectories(temp.resolve("started/_campaign"));
        Files.writeString(temp.resolve("started/_campaign/manifest.json"), "{ \"name\" : \"started\" }");
        Outcome o = cli("report", temp.resolve("started").toString());
        assertEquals(2, o.exitCode());
        assertTrue(o.err().contains("DIR: " + temp.resolve("started") + " has no points table; run the campaign first"),
                o.err());
        assertFalse(Files.exists(temp.resolve("started/report")));
    }

    @Test
    void fitRefusesOverridesOutsideTheAnalysisBlock() {
        Outcome o = cli("fit", temp.toString(), "--set", "grid.depth=8");
        assertEquals(2, o.exitCode());
        assertTrue(o.err().contains("--set: fit only changes the analysis block (analysis.*); got 'grid.depth=8'"),
                o.err());
    }

    @Test
    void planPrintsPointsTasksAndCostAndWritesNothing() throws IOException {
        String conf = campaign("sampler = dense\n sigma_w = [1.3, 1.7]\n width = [8, 16]\n depth = 4\n replicas = 2");
        Outcome o = cli("plan", conf);
        assertEquals(0, o.exitCode(), o.err());
        assertTrue(o.out().contains("4 points, 4 tasks, 2 replicas per point, depth 4"), o.out());
        assertTrue(o.out().contains("estimated work 7424 weight updates and 40 raw rows"),
                "2 × 4 × (2 × (8² + 8 × 6) + 2 × (16² + 16 × 6)); 4 points × 2 replicas × 5 recorded layers: " + o.out());
        assertEquals(5, o.out().lines().filter(l -> l.startsWith("point_id") || l.matches("[0-9a-f]{16} .*")).count());
        assertFalse(Files.exists(temp.resolve("out")));
    }

    /** The wall time is the start-up plus the core-seconds over the cores given: 8 cores, 4 points of dense MLPs. */
    @Test
    void planPrintsTheSweepsWallTimeOnTheCoresGiven() throws IOException {
        String conf = campaign("sampler = dense\n sigma_w = [1.3, 1.7]\n width = [8, 16]\n depth = 4\n replicas = 2");
        Outcome o = cli("plan", conf, "--cores", "8");
        assertEquals(0, o.exitCode(), o.err());
        double core = 7424 * CostModel.SECONDS_PER_WEIGHT + 32 * CostModel.SECONDS_PER_LAYER
                + 40 * CostModel.SECONDS_PER_ROW + 4 * (CostModel.SECONDS_PER_TASK + CostModel.SECONDS_PER_POINT);
        assertTrue(o.out().contains(String.format(java.util.Locale.ROOT, "estimated sweep wall time on 8 cores: about"
                + " %.1f s (%.1f s start-up + ", CostModel.STARTUP_SECONDS + core / 8, CostModel.STARTUP_SECONDS)),
                o.out());
        Outcome none = cli("plan", conf, "--cores", "0");
        assertEquals(2, none.exitCode());
        assertTrue(none.err().contains("--cores: expected an integer >= 1, got 0"), none.err());
    }
}
