package org.critsweep.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.critsweep.testing.Outcome;
import org.critsweep.testing.ProcessRunner;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The user's path end to end: {@code bin/critsweep} (the packaged jar, embedded Spark) in separate JVMs, on
 * {@code local[1]} and {@code local[2]} with different partition counts; then {@code sql} over the outputs.
 */
class CliEndToEndIT {

    @TempDir
    static Path temp;

    static Path conf;

    static Outcome critsweep(String... args) throws IOException, InterruptedException {
        return ProcessRunner.script("bin/critsweep", args).run(temp, Duration.ofMinutes(5));
    }

    /** Brackets σ_w,c(N) ≈ 1.3956 + 3.08/N for both widths, so each has a λ_N root. */
    @BeforeAll
    static void writeCampaign() throws IOException {
        conf = temp.resolve("e2e.conf");
        Files.writeString(conf, """
                campaign { name = e2e, seed = 6029 }
                grid {
                  activation = tanh
                  sigma_b = 0.3
                  sigma_w = [1.1, 1.4, 1.7, 2.0]
                  width = [16, 32]
                  depth = 48
                  replicas = 8
                }
                """);
    }

    @Test
    void runOnOneAndTwoCoresGivesBitIdenticalRawRowsAndOneRootPerWidth() throws Exception {
        Path one = temp.resolve("one");
        Path two = temp.resolve("two");
        Outcome a = critsweep("run", conf.toString(), "--master", "local[1]", "--partitions", "1",
                "--set", "campaign.output=\"" + one + "\"");
        assertEquals(0, a.exitCode(), a.err());
        Outcome b = critsweep("run", conf.toString(), "--master", "local[2]", "--partitions", "5",
                "--set", "campaign.output=\"" + two + "\"");
        assertEquals(0, b.exitCode(), b.err());
        assertTrue(a.out().contains("Tables (Parquet):") && a.out().contains(one.resolve("curves").toString()), a.out());
        assertTrue(a.err().matches("(?s).*sweep: (\\d+)/\\1 tasks done \\(100%\\).*"), a.err());

        // Double.toString is the shortest decimal that round-trips, so equal CSV text means equal bits.
        String query = "SELECT * FROM raw ORDER BY point_id, replica, layer";
        Outcome rawOne = critsweep("sql", "--campaign", one.toString(), "--format", "csv", query);
        Outcome rawTwo = critsweep("sql", "--campaign", two.toString(), "--format", "csv", query);
        assertEquals(0, rawOne.exitCode(), rawOne.err());
        assertEquals(1 + 8 * 8 * 49, rawOne.out().lines().count(), "header + points × replicas × layers");
        assertEquals(rawOne.out(), rawTwo.out());

        Outcome roots = critsweep("sql", "--campaign", one.toString(), "--format", "csv",
                "SELECT width, estimate FROM fits WHERE quantity = 'sigma_w_c' ORDER BY width");
        assertEquals(0, roots.exitCode(), roots.err());
        List<String> lines = roots.out().lines().toList();
        assertEquals(3, lines.size(), roots.out());
        for (String line : lines.subList(1, 3)) {
            double root = Double.parseDouble(line.split(",")[1]);
            assertTrue(root > 1.1 && root < 2.0, "root inside the scanned range: " + line);
        }

        Outcome refit = critsweep("fit", one.toString(), "--set", "analysis.bootstrap=0", "--set",
                "analysis.collapse=[hh]");
        assertEquals(0, refit.exitCode(), refit.err());
        assertTrue(refit.out().contains("fitted 1 families") && refit.out().contains("sigma_w_c_inf")
                && refit.out().contains("Universality verdict"), refit.out());
        Outcome methods = critsweep("sql", "--campaign", one.toString(), "--format", "csv",
                "SELECT DISTINCT method FROM fits WHERE quantity = 'sigma_w_c'");
        assertEquals(List.of("method", "lambda_root_linear"), methods.out().lines().toList(),
                "analysis.bootstrap=0 leaves the interpolation's own errors");
    }

    @Test
    void sqlAnswersInEveryFormatAndReportsQueryErrorsWithTwo() throws Exception {
        Path dir = temp.resolve("sql");
        Outcome run = critsweep("run", conf.toString(), "--set", "campaign.output=\"" + dir + "\"",
                "--set", "grid.width=[16]", "--set", "grid.sigma_w=[1.4]");
        assertEquals(0, run.exitCode(), run.err());
        String query = "SELECT width, sigma_w, layer, n FROM curves WHERE layer = 48";
        Outcome table = critsweep("sql", "--campaign", dir.toString(), query);
        assertEquals(0, table.exitCode(), table.err());
        assertEquals(List.of("width  sigma_w  layer  n", "   16      1.4     48  8"), table.out().lines().toList());
        Outcome json = critsweep("sql", "--campaign", dir.toString(), "--format", "json", query);
        assertEquals("{\"width\":16,\"sigma_w\":1.4,\"layer\":48,\"n\":8}", json.out().strip());
        Outcome bad = critsweep("sql", "--campaign", dir.toString(), "SELECT nonsense FROM curves");
        assertEquals(2, bad.exitCode());
        assertTrue(bad.err().contains("nonsense"), bad.err());
    }

    @Test
    void planOfTheQuickstartThroughTheLauncher() throws Exception {
        Outcome plan = critsweep("plan", "conf/quickstart.conf");
        assertEquals(0, plan.exitCode(), plan.err());
        assertTrue(plan.out().contains("33 points"), plan.out());
        Outcome bad = critsweep("run", "conf/quickstart.conf", "--set", "grid.depth=0");
        assertEquals(2, bad.exitCode());
        assertTrue(bad.err().contains("grid.depth: expected an integer >= 1, got 0"), bad.err());
    }
}
