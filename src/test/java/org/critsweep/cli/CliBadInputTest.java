package org.critsweep.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Bad input through the real command line: exit code 2, a message naming the field, nothing written. */
class CliBadInputTest {

    @TempDir
    Path temp;

    record Outcome(int exitCode, String out, String err) {
    }

    static Outcome cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Outcome(code, out.toString(), err.toString());
    }

    String campaign(String gridLines) throws IOException {
        Path file = temp.resolve("c.conf");
        Files.writeString(file, "campaign { name = bad, seed = 1, output = \"" + temp.resolve("out") + "\" }\n"
                + "grid {\n activation = tanh\n sigma_b = 0.3\n " + gridLines + "\n}\n");
        return file.toString();
    }

    static Stream<Arguments> badCampaigns() {
        String ok = "sigma_w = [1.4]\n width = [8]\n depth = 4\n replicas = 2";
        return Stream.of(
                Arguments.of(ok + "\n colour = red", "grid.colour: unknown key; allowed keys in grid: activation, active_thresholds, arch"),
                Arguments.of(ok.replace("[1.4]", "[1.4, -0.5]"), "grid.sigma_w: expected values > 0, got -0.5"),
                Arguments.of(ok.replace("depth = 4", "depth = 0"), "grid.depth: expected an integer >= 1, got 0"),
                Arguments.of(ok.replace("[8]", "[]"), "grid.width: expected a non-empty list, got []"),
                Arguments.of(ok.replace("[1.4]", "{ linspace = [1.3, 1.5, 1] }"),
                        "grid.sigma_w.linspace: expected [a, b, n] with a < b and an integer n >= 2"));
    }

    @ParameterizedTest
    @MethodSource("badCampaigns")
    void badCampaignFileExitsWithTwoNamesTheKeyAndWritesNothing(String grid, String message) throws IOException {
        String conf = campaign(grid);
        for (String command : new String[] {"run", "plan"}) {
            Outcome o = cli(command, conf);
            assertEquals(2, o.exitCode(), o.err());
            assertTrue(o.err().contains(message), o.err());
            assertFalse(Files.exists(temp.resolve("out")), "nothing written under the output directory");
        }
    }

    @Test
    void missingCampaignFileExitsWithTwo() {
        Outcome o = cli("run", temp.resolve("absent.conf").toString());
        assertEquals(2, o.exitCode());
        assertTrue(o.err().contains("CONF: campaign file not found: " + temp.resolve("absent.conf")), o.err());
    }

    @Test
    void unknownOptionAndBadOverrideExitWithTwo() throws IOException {
        String conf = campaign("sigma_w = [1.4]\n width = [8]\n depth = 4\n replicas = 2");
        assertEquals(2, cli("run", conf, "--bogus").exitCode());
        Outcome o = cli("plan", conf, "--set", "grid.depth");
        assertEquals(2, o.exitCode());
        assertTrue(o.err().contains("--set: expected key=value, got 'grid.depth'"), o.err());
        Outcome format = cli("sql", "--campaign", temp.toString(), "--format", "xml", "SELECT 1");
        assertEquals(2, format.exitCode());
        assertTrue(format.err().contains("table, csv, json"), format.err());
    }

    @Test
    void outputDirectoryHoldingSomethingElseIsNeverTouched() throws IOException {
        String conf = campaign("sigma_w = [1.4]\n width = [8]\n depth = 4\n replicas = 2");
        Path out = Files.createDirectories(temp.resolve("out"));
        Path precious = Files.writeString(out.resolve("thesis.tex"), "months of work");
        Outcome o = cli("run", conf);
        assertEquals(2, o.exitCode());
        assertTrue(o.err().contains("campaign.output: " + out + " is not empty and is not a critsweep campaign"), o.err());
        assertEquals("months of work", Files.readString(precious));
        try (Stream<Path> entries = Files.list(out)) {
            assertEquals(1, entries.count());
        }
    }

    @Test
    void outputDirectoryOfAnotherCampaignIsRefused() throws IOException {
        String conf = campaign("sigma_w = [1.4]\n width = [8]\n depth = 4\n replicas = 2");
        Path manifest = Files.createDirectories(temp.resolve("out/_campaign")).resolve("manifest.json");
        Files.writeString(manifest, "{ \"config_hash\" : \"0123456789abcdef0123\" }");
        Outcome o = cli("run", conf);
        assertEquals(2, o.exitCode());
        assertTrue(o.err().contains("holds a campaign with a different configuration (config hash 0123456789ab…: another name, seed or record schedule)"), o.err());
    }

    @Test
    void sqlWithoutCampaignTablesExitsWithTwo() {
        Outcome o = cli("sql", "--campaign", temp.resolve("nowhere").toString(), "SELECT 1");
        assertEquals(2, o.exitCode());
        assertTrue(o.err().contains("--campaign: " + temp.resolve("nowhere") + " does not exist"), o.err());
    }

    @Test
    void fitOfADirectoryWithoutACampaignExitsWithTwoAndWritesNothing() {
        Path nowhere = temp.resolve("nowhere");
        Outcome o = cli("fit", nowhere.toString());
        assertEquals(2, o.exitCode());
        assertTrue(o.err().contains("DIR: " + nowhere + " is not a critsweep campaign (no _campaign/manifest.json)"),
                o.err());
        assertFalse(Files.exists(nowhere));
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
        assertTrue(o.out().contains("estimated work 5120 weight updates"), "2 × 4 × (8² + 8² + 16² + 16²): " + o.out());
        assertEquals(5, o.out().lines().filter(l -> l.startsWith("point_id") || l.matches("[0-9a-f]{16} .*")).count());
        assertFalse(Files.exists(temp.resolve("out")));
    }
}
