package org.critsweep.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A command line run as a process of its own, as the integration tests run {@code bin/critsweep}, the scripts of
 * {@code jobs/}, the browser and Jupyter: in a working directory (the repository's root unless told otherwise), with
 * extra environment variables, stdin left as {@link ProcessBuilder}'s default (a pipe nobody writes), and stdout and
 * stderr going to files — two, or one log of both — so that a talkative child never blocks on a full pipe. A process
 * that outlives its timeout fails the test and is killed with its descendants, so that nothing is left running.
 */
public final class ProcessRunner {

    /** The repository's root, where Maven runs the tests. */
    public static final Path ROOT = Path.of(System.getProperty("user.dir"));

    private static final long POLL_MILLIS = 20;

    private final List<String> command;
    private final String name;
    private Path directory = ROOT;
    private final Map<String, String> environment = new LinkedHashMap<>();

    private ProcessRunner(List<String> command, String name) {
        this.command = List.copyOf(command);
        this.name = name;
    }

    /** A launcher or script of the repository ({@code bin/critsweep}, {@code jobs/nightly.sh}) with its arguments. */
    public static ProcessRunner script(String path, String... args) {
        List<String> line = new ArrayList<>(List.of(ROOT.resolve(path).toString()));
        line.addAll(List.of(args));
        List<String> shown = new ArrayList<>(List.of(path));
        shown.addAll(List.of(args));
        return new ProcessRunner(line, String.join(" ", shown));
    }

    /** Any command line, the program first. */
    public static ProcessRunner command(List<String> line) {
        return new ProcessRunner(line, String.join(" ", line));
    }

    /** Runs it from {@code workingDirectory} instead of the repository's root. */
    public ProcessRunner in(Path workingDirectory) {
        this.directory = workingDirectory;
        return this;
    }

    /** Adds these variables to the environment it inherits. */
    public ProcessRunner withEnvironment(Map<String, String> variables) {
        environment.putAll(variables);
        return this;
    }

    /** Runs it to its end within {@code timeout}, its stdout and stderr in two new files under {@code dir}. */
    public Outcome run(Path dir, Duration timeout) throws IOException, InterruptedException {
        return start(Files.createTempFile(dir, "out", ".txt"), Files.createTempFile(dir, "err", ".txt"))
                .await(timeout);
    }

    /** Starts it with its stdout going to {@code out} and its stderr to {@code err}. */
    public Running start(Path out, Path err) throws IOException {
        return new Running(builder().redirectOutput(out.toFile()).redirectError(err.toFile()).start(), name, out, err);
    }

    /** Starts it with its stdout and stderr both going to {@code log}. */
    public Running start(Path log) throws IOException {
        return new Running(builder().redirectErrorStream(true).redirectOutput(log.toFile()).start(), name, log, null);
    }

    private ProcessBuilder builder() {
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile());
        builder.environment().putAll(environment);
        return builder;
    }

    /** Something a test waits to become true while a process runs. */
    @FunctionalInterface
    public interface Condition {
        boolean holds() throws Exception;
    }

    /**
     * A started process and the files its output goes to ({@code err} is null when stderr goes to {@code out}).
     *
     * @param name the command line as the failure messages show it
     */
    public record Running(Process process, String name, Path outFile, Path errFile) {

        public String out() throws IOException {
            return Files.readString(outFile);
        }

        public String err() throws IOException {
            return errFile == null ? "" : Files.readString(errFile);
        }

        /** Everything it printed so far: stdout, then stderr when that goes to a file of its own. */
        public String output() throws IOException {
            return out() + err();
        }

        /** Waits at most {@code timeout} for its end (failing the test and killing it after that). */
        public Outcome await(Duration timeout) throws IOException, InterruptedException {
            boolean ended = false;
            try {
                ended = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } finally {
                if (!ended) {
                    process.descendants().forEach(ProcessHandle::destroyForcibly);
                    process.destroyForcibly();
                }
            }
            assertTrue(ended, name + " timed out after " + timeout + ":\n" + output());
            return new Outcome(process.exitValue(), out(), err());
        }

        /** Waits at most {@code timeout} for a successful end (exit code 0) and returns its stdout. */
        public String finish(Duration timeout) throws IOException, InterruptedException {
            Outcome outcome = await(timeout);
            assertEquals(0, outcome.exitCode(), name + ":\n" + outcome.out() + outcome.err());
            return outcome.out();
        }

        /**
         * Polls {@code condition} until it holds, failing the test if the process ends first or {@code timeout}
         * passes.
         */
        public void waitUntil(String what, Duration timeout, Condition condition) throws Exception {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (!condition.holds()) {
                assertTrue(process.isAlive(), name + " ended before " + what + ":\n" + output());
                assertTrue(System.nanoTime() < deadline, "timed out after " + timeout + " waiting for " + what);
                Thread.sleep(POLL_MILLIS);
            }
        }

        /** Kills it with SIGKILL and waits (a minute at most) until it is gone. */
        public void kill() throws InterruptedException {
            process.destroyForcibly();
            assertTrue(process.waitFor(1, TimeUnit.MINUTES), name + " did not die within a minute of SIGKILL");
        }
    }
}
