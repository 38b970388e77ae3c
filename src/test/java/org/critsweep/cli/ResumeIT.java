package org.critsweep.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.critsweep.testing.Outcome;
import org.critsweep.testing.ProcessRunner;
import org.critsweep.testing.ProcessRunner.Condition;
import org.critsweep.testing.ProcessRunner.Running;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A campaign as users live it: the driver killed with SIGKILL at three moments of the sweep and once in every later
 * stage, stopped with SIGTERM (the path Ctrl-C takes), and resumed each time, then grown in place, and guarded by its
 * lock — all through {@code bin/critsweep} in separate JVMs, against an uninterrupted reference.
 */
class ResumeIT {

    /** Small enough that every point is its own committed batch. */
    static final String ONE_POINT_PER_BATCH = "1e-9";
    static final int POINTS = 12;
    static final long ROWS = POINTS * 16L * 129;
    static final String RAW = "SELECT * FROM raw ORDER BY point_id, replica, layer";
    static final String CURVES = "SELECT * FROM curves ORDER BY point_id, layer";
    static final Duration RUN_TIMEOUT = Duration.ofMinutes(5);
    static final Duration PROGRESS_TIMEOUT = Duration.ofMinutes(4);

    @TempDir
    static Path temp;
    static Path conf;

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

    /** Starts {@code bin/critsweep COMMAND ARGS}, its stdout and stderr going to one log. */
    static Running start(String command, String... args) throws IOException {
        List<String> line = new ArrayList<>(List.of(command));
        line.addAll(List.of(args));
        return ProcessRunner.script("bin/critsweep", line.toArray(String[]::new))
                .start(Files.createTempFile(temp, command, ".log"));
    }

    static Running run(Path output, String... extra) throws IOException {
        List<String> args = new ArrayList<>(List.of(conf.toString(), "--master", "local[2]", "--batch-seconds",
                ONE_POINT_PER_BATCH, "--set", "campaign.output=\"" + output + "\""));
        args.addAll(List.of(extra));
        return start("run", args.toArray(String[]::new));
    }

    static String sql(Path output, String query) throws Exception {
        return start("sql", "--campaign", output.toString(), "--format", "csv", query).finish(RUN_TIMEOUT)
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

    /** The uninterrupted run both kill tests compare with, run once. */
    static synchronized Path reference() throws Exception {
        Path reference = temp.resolve("reference");
        if (!Files.isRegularFile(reference.resolve("report/index.html"))) {
            run(reference).finish(RUN_TIMEOUT);
        }
        return reference;
    }

    /** SIGKILL once {@code condition} holds: bin/critsweep execs the JVM, so this kills the driver itself. */
    static void awaitThenKill(Running run, String what, Condition condition) throws Exception {
        run.waitUntil(what, PROGRESS_TIMEOUT, condition);
        run.kill();
    }

    @Test
    void killedThreeTimesAndResumedEndsWithExactlyTheUninterruptedRowsThenGrows() throws Exception {
        Path reference = reference();
        Path killed = temp.resolve("killed");

        Running first = run(killed);
        awaitThenKill(first, "the sweep to start", () -> first.output().contains("sweep: "));
        long afterFirst = markers(killed);
        Running second = run(killed);
        awaitThenKill(second, "half the points", () -> markers(killed) >= POINTS / 2);
        long afterSecond = markers(killed);
        String status = start("status", killed.toString()).finish(RUN_TIMEOUT);
        assertTrue(status.contains("status: interrupted (no live driver; rerun the campaign to resume)"), status);
        assertTrue(status.contains("points committed: " + afterSecond + " / " + POINTS), status);
        Running third = run(killed);
        awaitThenKill(third, "the sweep to end", () -> markers(killed) == POINTS);
        String last = run(killed).finish(RUN_TIMEOUT);
        System.out.printf("driver killed 3 times; points committed at the kills: %d, %d, %d of %d%n", afterFirst,
                afterSecond, POINTS, POINTS);

        assertTrue(last.contains(POINTS + " points reused"), last);
        assertTrue(start("status", killed.toString()).finish(RUN_TIMEOUT).contains("status: complete"));
        String counts = sql(killed, "SELECT (SELECT COUNT(*) FROM raw) AS n, (SELECT COUNT(*) FROM"
                + " (SELECT DISTINCT point_id, replica, layer FROM raw) AS keys) AS distinct_keys");
        System.out.println("rows expected " + ROWS + "; found, distinct keys: " + counts.lines().skip(1).toList());
        assertEquals("n,distinct_keys\n" + ROWS + "," + ROWS + "\n", counts);
        assertEquals(sql(reference, RAW), sql(killed, RAW));
        assertEquals(sql(reference, CURVES), sql(killed, CURVES), "aggregates are bit-identical too");

        // Growing the finished campaign computes only the new width's six points.
        String grown = run(killed, "--set", "grid.width=[32, 64, 96]").finish(RUN_TIMEOUT);
        assertTrue(grown.contains("sweep: 6 tasks computed in 6 batches; 12 points reused"), grown);
        assertEquals("n\n" + 18 * 16 * 129 + "\n", sql(killed, "SELECT COUNT(*) AS n FROM raw"));
    }

    /**
     * SIGKILL in each stage after the sweep — theory, aggregate, fit, report — and a SIGTERM in the aggregate
     * stage, each on the run that resumes the one before: every kill lands after the stage's line and, where the
     * stage writes a table, once its temporary exists (so the table is half written), always before the next stage's
     * line. The interrupted run prints one line; the last run ends with every table identical to the uninterrupted
     * run's.
     */
    @Test
    void killedInEveryLaterStageAndInterruptedResumesToTheUninterruptedTables() throws Exception {
        Path reference = reference();
        Path killed = temp.resolve("stages");
        List<String> stages = List.of("theory", "aggregate", "fit", "report");
        for (int i = 0; i < stages.size(); i++) {
            String stage = "stage: " + stages.get(i) + "\n";
            String next = i + 1 < stages.size() ? "stage: " + stages.get(i + 1) + "\n" : "done in ";
            boolean writesATable = !stages.get(i).equals("report");
            Running run = run(killed);
            awaitThenKill(run, "the " + stage.strip() + " line", () -> run.output().contains(next)
                    || run.output().contains(stage) && (!writesATable || temporaryTables(killed) > 0));
            assertTrue(!run.output().contains(next), "killed before " + next.strip() + ":\n" + run.output());
            String status = start("status", killed.toString()).finish(RUN_TIMEOUT);
            assertTrue(status.contains("status: interrupted ("), status);
            System.out.printf("killed in %s (%d temporary tables left)%n", stages.get(i), temporaryTables(killed));
        }
        Running interrupted = run(killed);
        interrupted.waitUntil("the aggregate stage", PROGRESS_TIMEOUT,
                () -> interrupted.output().contains("stage: aggregate\n"));
        // SIGTERM, not SIGINT: Ctrl-C takes the same shutdown hook, but a JVM started under a non-interactive shell's
        // background job (as CI may start Maven) inherits SIGINT ignored, and then never sees it.
        assertEquals(0, new ProcessBuilder("kill", "-TERM", Long.toString(interrupted.process().pid())).start()
                .waitFor());
        Outcome stopped = interrupted.await(RUN_TIMEOUT);
        assertEquals(128 + 15, stopped.exitCode(), stopped.out());
        assertEquals(List.of(Main.INTERRUPTED), stopped.out().lines().filter(l -> !l.startsWith("WARNING: Using"))
                .dropWhile(l -> !l.equals("stage: aggregate")).skip(1).toList(), stopped.out());

        run(killed).finish(RUN_TIMEOUT);
        assertTrue(start("status", killed.toString()).finish(RUN_TIMEOUT).contains("status: complete\n"));
        for (String table : List.of("points", "raw", "theory", "curves", "fits", "fit_curves")) {
            assertEquals(sortedRows(reference, table), sortedRows(killed, table), table);
        }
    }

    /** A table as CSV (doubles in Java's shortest exact form), its header first and its rows sorted. */
    static List<String> sortedRows(Path campaign, String table) throws Exception {
        List<String> lines = sql(campaign, "SELECT * FROM " + table).lines().toList();
        List<String> sorted = new ArrayList<>(lines.subList(0, 1));
        lines.subList(1, lines.size()).stream().sorted().forEach(sorted::add);
        return sorted;
    }

    /** The {@code <table>.tmp-<id>} directories a stage writes before swapping them in. */
    static long temporaryTables(Path campaign) throws IOException {
        if (!Files.isDirectory(campaign)) {
            return 0;
        }
        try (Stream<Path> entries = Files.list(campaign)) {
            return entries.filter(p -> p.getFileName().toString().contains(".tmp-")).count();
        }
    }

    @Test
    void aSecondRunIsRefusedWhileTheFirstLivesAndAKilledRunsLockIsTakenOver() throws Exception {
        Path locked = temp.resolve("locked");
        Running first = run(locked);
        first.waitUntil("the sweep to start", PROGRESS_TIMEOUT, () -> first.output().contains("sweep: "));
        Outcome second = run(locked).await(Duration.ofMinutes(2));
        assertEquals(2, second.exitCode(), second.out());
        assertTrue(second.out().contains("campaign.output: " + locked + " is being run by process "
                + first.process().pid()), second.out());
        first.kill();
        assertTrue(Files.exists(locked.resolve("_campaign/lock")), "a killed driver leaves its lock");
        run(locked).finish(RUN_TIMEOUT);
        assertTrue(!Files.exists(locked.resolve("_campaign/lock")));
    }
}
