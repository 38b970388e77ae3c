package org.critsweep.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A campaign as users live it: the driver killed with SIGKILL at three moments and resumed each time, then grown in
 * place, and guarded by its lock — all through {@code bin/critsweep} in separate JVMs, against an uninterrupted reference.
 */
class ResumeIT {

    static final Path ROOT = Path.of(System.getProperty("user.dir"));
    /** Small enough that every point is its own committed batch. */
    static final String ONE_POINT_PER_BATCH = "1e-9";
    static final int POINTS = 12;
    static final long ROWS = POINTS * 16L * 129;
    static final String RAW = "SELECT * FROM raw ORDER BY point_id, replica, layer";
    static final String CURVES = "SELECT * FROM curves ORDER BY point_id, layer";

    @TempDir
    static Path temp;
    static Path conf;

    /** A running {@code bin/critsweep}, its output going to {@code log}. */
    record Run(Process process, Path log) {

        String output() throws IOException {
            return Files.readString(log);
        }

        String finish() throws Exception {
            assertTrue(process.waitFor(5, TimeUnit.MINUTES), "timed out: " + output());
            assertEquals(0, process.exitValue(), output());
            return output();
        }

        void kill() throws InterruptedException {
            process.destroyForcibly(); // SIGKILL: bin/critsweep execs the JVM, so this is the driver itself
            assertTrue(process.waitFor(1, TimeUnit.MINUTES));
        }
    }

    @BeforeAll
    static void writeCampaign() throws IOException {
        conf = temp.resolve("resume.conf");
        Files.writeString(conf, """
                campaign { name = resume, seed = 4099 }
                grid {
                  activation = tanh
                  sigma_b = 0.3
                  sigma_w = { linspace = [1.30, 1.50, 6] }
                  width = [32, 64]
                  depth = 128
                  replicas = 16
                }
                analysis { bootstrap = 0, collapse = [] }
                """);
    }

    static Run start(String command, String... args) throws IOException {
        List<String> line = new ArrayList<>(List.of(ROOT.resolve("bin/critsweep").toString(), command));
        line.addAll(List.of(args));
        Path log = Files.createTempFile(temp, command, ".log");
        return new Run(new ProcessBuilder(line).directory(ROOT.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start(), log);
    }

    static Run run(Path output, String... extra) throws IOException {
        List<String> args = new ArrayList<>(List.of(conf.toString(), "--master", "local[2]", "--batch-seconds",
                ONE_POINT_PER_BATCH, "--set", "campaign.output=\"" + output + "\""));
        args.addAll(List.of(extra));
        return start("run", args.toArray(String[]::new));
    }

    static String sql(Path output, String query) throws Exception {
        return start("sql", "--campaign", output.toString(), "--format", "csv", query).finish()
                .lines().filter(l -> !l.startsWith("WARNING")).reduce("", (a, b) -> a + b + "\n");
    }

    static long markers(Path output) throws IOException {
        Path dir = output.resolve("_campaign/points");
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.toString().endsWith(".json")).count();
        }
    }

    static void awaitThenKill(Run run, String what, Check condition) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(4);
        while (!condition.holds()) {
            assertTrue(run.process().isAlive(), "the run ended before " + what + ": " + run.output());
            assertTrue(System.nanoTime() < deadline, "timed out waiting for " + what);
            Thread.sleep(20);
        }
        run.kill();
    }

    @FunctionalInterface
    interface Check {
        boolean holds() throws Exception;
    }

    @Test
    void killedThreeTimesAndResumedEndsWithExactlyTheUninterruptedRowsThenGrows() throws Exception {
        Path reference = temp.resolve("reference");
        run(reference).finish();
        Path killed = temp.resolve("killed");

        Run first = run(killed);
        awaitThenKill(first, "the sweep to start", () -> first.output().contains("sweep: "));
        long afterFirst = markers(killed);
        Run second = run(killed);
        awaitThenKill(second, "half the points", () -> markers(killed) >= POINTS / 2);
        long afterSecond = markers(killed);
        String status = start("status", killed.toString()).finish();
        assertTrue(status.contains("status: interrupted (no live driver; rerun the campaign to resume)"), status);
        assertTrue(status.contains("points committed: " + afterSecond + " / " + POINTS), status);
        Run third = run(killed);
        awaitThenKill(third, "the sweep to end", () -> markers(killed) == POINTS);
        String last = run(killed).finish();
        System.out.printf("driver killed 3 times; points committed at the kills: %d, %d, %d of %d%n", afterFirst,
                afterSecond, POINTS, POINTS);

        assertTrue(last.contains(POINTS + " points reused"), last);
        assertTrue(start("status", killed.toString()).finish().contains("status: complete"));
        String counts = sql(killed, "SELECT COUNT(*) AS n, COUNT(DISTINCT point_id, replica, layer) AS distinct_keys"
                + " FROM raw");
        System.out.println("rows expected " + ROWS + "; found, distinct keys: " + counts.lines().skip(1).toList());
        assertEquals("n,distinct_keys\n" + ROWS + "," + ROWS + "\n", counts);
        assertEquals(sql(reference, RAW), sql(killed, RAW));
        assertEquals(sql(reference, CURVES), sql(killed, CURVES), "aggregates are bit-identical too");

        // Growing the finished campaign computes only the new width's six points.
        String grown = run(killed, "--set", "grid.width=[32, 64, 96]").finish();
        assertTrue(grown.contains("sweep: 6 tasks computed in 6 batches; 12 points reused"), grown);
        assertEquals("n\n" + 18 * 16 * 129 + "\n", sql(killed, "SELECT COUNT(*) AS n FROM raw"));
    }

    @Test
    void aSecondRunIsRefusedWhileTheFirstLivesAndAKilledRunsLockIsTakenOver() throws Exception {
        Path locked = temp.resolve("locked");
        Run first = run(locked);
        while (!first.output().contains("sweep: ")) {
            assertTrue(first.process().isAlive(), first.output());
            Thread.sleep(20);
        }
        Run second = run(locked);
        assertTrue(second.process().waitFor(2, TimeUnit.MINUTES));
        assertEquals(2, second.process().exitValue(), second.output());
        assertTrue(second.output().contains("campaign.output: " + locked + " is being run by process "
                + first.process().pid()), second.output());
        first.kill();
        assertTrue(Files.exists(locked.resolve("_campaign/lock")), "a killed driver leaves its lock");
        run(locked).finish();
        assertTrue(!Files.exists(locked.resolve("_campaign/lock")));
    }
}
