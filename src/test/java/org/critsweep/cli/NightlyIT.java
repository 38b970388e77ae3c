package org.critsweep.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.critsweep.testing.Outcome;
import org.critsweep.testing.ProcessRunner;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code jobs/nightly.sh} as cron runs it: from another working directory, a good and a broken campaign in one
 * night (it keeps going, logs both, exits 1), and the lock on the log directory (a live owner refuses, a dead one
 * is taken over).
 */
class NightlyIT {

    @TempDir
    static Path temp;

    /** Runs nightly.sh with the temp directory as working directory, so relative paths are the caller's. */
    static Outcome nightly(String... args) throws IOException, InterruptedException {
        return ProcessRunner.script("jobs/nightly.sh", args).in(temp).run(temp, Duration.ofMinutes(5));
    }

    @BeforeAll
    static void writeCampaigns() throws IOException {
        Files.writeString(temp.resolve("good.conf"), """
                campaign { name = nightly-good, seed = 7, output = "%s" }
                grid {
                  activation = tanh
                  sigma_b = 0.3
                  sigma_w = [1.3, 1.5]
                  width = [16]
                  depth = 16
                  replicas = 4
                }
                analysis { bootstrap = 0, collapse = [] }
                """.formatted(temp.resolve("good-out")));
        Files.writeString(temp.resolve("broken.conf"), """
                campaign { name = nightly-broken, seed = 7, output = "%s" }
                grid { activation = tanh, sigma_b = 0.3, sigma_w = [1.3], width = [16], depth = 0, replicas = 4 }
                """.formatted(temp.resolve("broken-out")));
    }

    /** The one dated log in {@code dir}, named after the day the run started (between {@code before} and now). */
    static Path datedLog(Path dir, LocalDate before) throws IOException {
        List<Path> logs;
        try (Stream<Path> files = Files.list(dir)) {
            logs = files.filter(f -> f.getFileName().toString().startsWith("nightly-")).toList();
        }
        assertEquals(1, logs.size(), "one dated log: " + logs);
        String name = logs.get(0).getFileName().toString();
        assertTrue(name.equals("nightly-" + before + ".log") || name.equals("nightly-" + LocalDate.now() + ".log"),
                name);
        return logs.get(0);
    }

    static void assertLine(String text, String regex) {
        assertTrue(Pattern.compile(regex, Pattern.MULTILINE).matcher(text).find(), "no line /" + regex + "/ in:\n"
                + text);
    }

    @Test
    void runsEveryCampaignKeepsGoingAfterAFailureAndSummarises() throws Exception {
        LocalDate before = LocalDate.now();
        Outcome run = nightly("--log-dir", "logs", "good.conf", "broken.conf");
        assertEquals(1, run.exitCode(), run.out() + run.err());

        Path good = temp.resolve("good-out");
        assertTrue(Files.isDirectory(good.resolve("fits")), "fits table of the good campaign");
        assertTrue(Files.isRegularFile(good.resolve("_campaign/manifest.json")), "manifest of the good campaign");
        assertFalse(Files.exists(temp.resolve("broken-out")), "bad input writes nothing");

        String log = Files.readString(datedLog(temp.resolve("logs"), before));
        String goodConf = Pattern.quote(temp.resolve("good.conf").toString());
        String brokenConf = Pattern.quote(temp.resolve("broken.conf").toString());
        assertLine(log, "start " + goodConf + "$");
        assertLine(log, "end " + goodConf + ": exit 0, duration \\d+:\\d\\d:\\d\\d$");
        assertLine(log, "end " + brokenConf + ": exit 2, duration ");
        assertTrue(log.contains("grid.depth: expected an integer >= 1, got 0"), "critsweep's message is logged");
        assertTrue(log.contains("Tables (Parquet):"), "critsweep's output is logged");
        assertTrue(log.indexOf("start " + temp.resolve("good.conf")) < log.indexOf("start " + temp.resolve(
                "broken.conf")), "campaigns run in the order given");
        for (String text : List.of(log, run.out())) {
            assertLine(text, "summary: 1 of 2 campaign\\(s\\) failed$");
            assertLine(text, "^ok +exit 0 +" + goodConf + "$");
            assertLine(text, "^failed +exit 2 +" + brokenConf + "$");
        }
        assertFalse(Files.exists(temp.resolve("logs/nightly.lock")), "the lock is released");
    }

    @Test
    void aLiveLockRefusesToStartAndAStaleOneIsTakenOver() throws Exception {
        Path logs = Files.createDirectories(temp.resolve("lock-logs"));
        Path lock = logs.resolve("nightly.lock");
        String self = Long.toString(ProcessHandle.current().pid());
        Files.writeString(lock, self + "\n");
        Outcome refused = nightly("--log-dir", logs.toString(), "broken.conf");
        assertEquals(2, refused.exitCode(), refused.out() + refused.err());
        assertTrue(refused.err().contains("another nightly.sh (PID " + self + ") is running on " + logs),
                refused.err());
        assertEquals(self, Files.readString(lock).strip(), "a live lock is left alone");
        try (Stream<Path> files = Files.list(logs)) {
            assertEquals(List.of(lock), files.toList(), "nothing logged when refused");
        }

        long dead = 999_999;
        while (ProcessHandle.of(dead).isPresent()) {
            dead++;
        }
        Files.writeString(lock, dead + "\n");
        LocalDate before = LocalDate.now();
        Outcome takenOver = nightly("--log-dir", logs.toString(), "broken.conf");
        assertEquals(1, takenOver.exitCode(), takenOver.out() + takenOver.err());
        assertTrue(takenOver.err().contains("taking over the stale lock " + lock + " (PID " + dead
                + " is not running)"), takenOver.err());
        assertLine(Files.readString(datedLog(logs, before)), "^failed +exit 2 +"
                + Pattern.quote(temp.resolve("broken.conf").toString()) + "$");
        assertFalse(Files.exists(lock), "the taken-over lock is released at the end");
    }
}
