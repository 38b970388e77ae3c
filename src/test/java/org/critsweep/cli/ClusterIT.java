package org.critsweep.cli;

import static org.critsweep.testing.InProcessCli.cli;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;
import org.critsweep.testing.Outcome;
import org.critsweep.testing.ProcessRunner;
import org.critsweep.testing.ProcessRunner.Running;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * A campaign on a real standalone cluster (jobs/local-cluster.sh: a master and two 1-core workers on 127.0.0.1) writes
 * the same {@code raw} rows, bit for bit, as embedded Spark on {@code local[2]}: submitted as users do, with
 * jobs/submit.sh through Spark's own spark-submit (the cluster jar, Spark provided), and from
 * {@code bin/critsweep run --master spark://...} when a worker is killed mid-sweep. One campaign serves both tests: it is big enough that
 * the sweep outlasts the first finished partition by several seconds (12 tasks of ~1 core-second), so the kill
 * lands mid-sweep, and small enough that one reference run on local[2] is cheap.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {

    static final String RAW = "SELECT * FROM raw ORDER BY point_id, replica, layer";

    @TempDir
    static Path temp;

    static Path cluster;
    static Path conf;
    static String master;
    static String reference;

    /** Runs jobs/local-cluster.sh to its end and checks that it succeeded. */
    static void localCluster(String... args) throws IOException, InterruptedException {
        ProcessRunner.script("jobs/local-cluster.sh", args).start(Files.createTempFile(temp, "local-cluster", ".txt"))
                .finish(Duration.ofMinutes(3));
    }

    /** Starts {@code bin/critsweep run} of the campaign into {@code output}; its stdout and stderr go to .out/.err. */
    static Running startRun(String master, Path output) throws IOException {
        return ProcessRunner.script("bin/critsweep", "run", conf.toString(), "--master", master,
                "--set", "campaign.output=\"" + output + "\"").start(Path.of(output + ".out"), stderrOf(output));
    }

    /**
     * Starts {@code jobs/submit.sh} of the campaign into {@code output} against the local cluster's Spark home, with
     * executors sized for its 1-core, 1g workers.
     */
    static Running startSubmit(Path output) throws IOException {
        return ProcessRunner.script("jobs/submit.sh", conf.toString(),
                "--master", master, "--executor-memory", "768m", "--executor-cores", "1", "--driver-memory", "1g",
                "--", "--set", "campaign.output=\"" + output + "\"")
                .withEnvironment(Map.of("SPARK_HOME", ProcessRunner.ROOT.resolve("target/spark-home").toString()))
                .start(Path.of(output + ".out"), stderrOf(output));
    }

    static Path stderrOf(Path output) {
        return Path.of(output + ".err");
    }

    /** Waits (5 minutes at most) for a run to succeed and returns its stdout. */
    static String finish(Running run) throws IOException, InterruptedException {
        return run.finish(Duration.ofMinutes(5));
    }

    /**
     * The raw table as CSV, from the {@code sql} command in this JVM (one Spark start for all three queries, not
     * one per query). Double.toString is the shortest round-tripping decimal, so equal text means equal bits.
     */
    static String raw(Path campaign) {
        Outcome sql = cli("sql", "--campaign", campaign.toString(), "--format", "csv", RAW);
        assertEquals(0, sql.exitCode(), sql.err());
        return sql.out();
    }

    /** The reference run on local[2] goes on while the cluster starts. */
    @BeforeAll
    static void startClusterAndRunTheLocalReference() throws Exception {
        conf = temp.resolve("cluster.conf");
        Files.writeString(conf, """
                campaign { name = cluster, seed = 6029 }
                grid {
                  activation = tanh
                  sigma_b = 0.3
                  sigma_w = [1.3, 1.4, 1.5, 1.6]
                  width = [2048, 4096]
                  depth = 512
                  replicas = 8
                  record = { log = 32 }
                }
                analysis { bootstrap = 0, collapse = [] }
                """);
        Path local = temp.resolve("local");
        Running localRun = startRun("local[2]", local);
        try {
            cluster = temp.resolve("cluster");
            localCluster("start", "--workers", "2", "--dir", cluster.toString());
            master = Files.readString(cluster.resolve("master-url")).strip();
            assertTrue(master.matches("spark://127\\.0\\.0\\.1:\\d+"), master);
        } catch (Exception | AssertionError e) {
            localRun.process().destroyForcibly();
            throw e;
        }
        finish(localRun);
        reference = raw(local);
        assertEquals(1 + 8 * 8 * 29, reference.lines().count(), "header + points × replicas × recorded layers");
    }

    @AfterAll
    static void stopCluster() throws Exception {
        if (cluster != null) {
            localCluster("stop", "--dir", cluster.toString());
        }
    }

    @Test
    @Order(1)
    void submittedToTheClusterGivesTheRawRowsOfLocalMode() throws Exception {
        Path output = temp.resolve("on-cluster");
        String out = finish(startSubmit(output));
        assertTrue(out.contains("Tables (Parquet):"), out);
        try (Stream<Path> apps = Files.list(cluster.resolve("worker-1"))) {
            assertTrue(apps.anyMatch(p -> p.getFileName().toString().startsWith("app-")),
                    "an executor of the application ran on worker-1");
        }
        assertEquals(reference, raw(output));
    }

    @Test
    @Order(2)
    void runSurvivesAWorkerKilledMidSweep() throws Exception {
        Path output = temp.resolve("worker-killed");
        Running run = startRun(master, output);
        try {
            run.waitUntil("the sweep reported progress", Duration.ofMinutes(4), () -> run.err().contains("sweep: "));
            String progress = run.err();
            assertFalse(progress.contains("(100%)"), "the sweep ended before the kill:\n" + progress);
            long worker = Long.parseLong(Files.readString(cluster.resolve("worker-2.pid")).strip());
            assertTrue(ProcessHandle.of(worker).map(ProcessHandle::destroyForcibly).orElse(false),
                    "SIGKILL to worker-2 (pid " + worker + ")");
        } catch (Exception | AssertionError e) {
            run.process().destroyForcibly();
            throw e;
        }
        String out = finish(run);
        String log = run.err();
        assertTrue(log.contains("Lost executor"), "the driver saw the executor go:\n" + log);
        assertTrue(log.contains("tasks done (100%)"), log);
        assertTrue(out.contains("Tables (Parquet):"), out);
        assertEquals(reference, raw(output));
    }
}
