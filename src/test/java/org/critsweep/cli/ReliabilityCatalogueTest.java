package org.critsweep.cli;

import static org.critsweep.cli.CampaignInputCatalogueTest.MLP;
import static org.critsweep.cli.CampaignInputCatalogueTest.command;
import static org.critsweep.cli.CampaignInputCatalogueTest.output;
import static org.critsweep.cli.CampaignInputCatalogueTest.set;
import static org.critsweep.testing.InProcessCli.cli;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Property;
import org.critsweep.cli.CampaignInputCatalogueTest.Case;
import org.critsweep.cli.CampaignInputCatalogueTest.Prior;
import org.critsweep.testing.Outcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The catalogue of issue 22's last bad inputs (docs/ERRORS.md, "Masters, links, pipes and large results"): Spark
 * masters this build cannot run or that do not answer, outputs that are broken symbolic links, a campaign file that is
 * a pipe or a device, {@code sql} given a file or a result too large for a table, and a {@code --set} that sets two
 * keys. Each is refused as {@link CampaignInputCatalogueTest} refuses a bad input: exit 2, one line naming the option
 * or field and what is allowed, nothing on stdout, the directory unchanged.
 */
class ReliabilityCatalogueTest {

    static final String MASTERS = "local, local[N] or local[N,F] with N and F in [1, 1024], local[*],"
            + " spark://HOST:PORT[,HOST:PORT...] with PORT in [1, 65535]";

    @TempDir
    Path temp;

    static Stream<Case> catalogue() {
        return Stream.of(
                // --master: only what this build runs (no YARN or Kubernetes module, no Spark distribution)
                master("--master yarn without YARN in this build", "yarn"),
                master("--master k8s:// without Kubernetes in this build", "k8s://x"),
                master("--master local-cluster", "local-cluster[1,1,512]"),
                master("--master local with 10^11 threads", "local[99999999999]"),
                master("--master local with 0 threads", "local[0]"),
                master("--master spark:// with port 99999", "spark://localhost:99999"),
                command("--master spark:// where nothing listens", List.of("run", "<conf>", "--master",
                        "spark://127.0.0.1:1"), "--master: no Spark master answers at spark://127.0.0.1:1 within 5 s"
                        + " (127.0.0.1:1: Connection refused); start it (e.g. jobs/local-cluster.sh start) or choose"
                        + " another --master"),
                command("--master spark:// of an unknown host", List.of("sql", "--campaign", "<dir>", "--master",
                        "spark://nohost.invalid:7077", "SELECT 1"), "--master: no Spark master answers at"
                        + " spark://nohost.invalid:7077 within 5 s (nohost.invalid: unknown host); start it (e.g."
                        + " jobs/local-cluster.sh start) or choose another --master"),
                // The output directory: a link that does not resolve
                output("output a symbolic link loop", Prior.LINK_LOOP, "<out>", "campaign.output: <out> is a symbolic"
                        + " link to out, which loops (too many levels of symbolic links); choose another"
                        + " campaign.output"),
                output("output a dangling symbolic link", Prior.DANGLING_LINK, "<out>", "campaign.output: <out> is a"
                        + " symbolic link to <dir>/absent, which does not exist; create it, or choose another"
                        + " campaign.output"),
                output("output under a dangling symbolic link", Prior.DANGLING_LINK, "<out>/inner", "campaign.output:"
                        + " <out>/inner: <out> is a symbolic link to <dir>/absent, which does not exist; create it, or"
                        + " choose another campaign.output"),
                // CONF that is not a regular file
                new Case("campaign file a named pipe", MLP, StandardCharsets.UTF_8, MLP, List.of(List.of("run",
                        "<dir>/fifo"), List.of("plan", "<dir>/fifo")), List.of(Prior.FIFO), "CONF: <dir>/fifo is not a"
                        + " regular file (a pipe, device or socket); expected a campaign file (HOCON)"),
                new Case("campaign file /dev/zero", MLP, StandardCharsets.UTF_8, MLP, List.of(List.of("run",
                        "/dev/zero"), List.of("plan", "/dev/zero")), List.of(Prior.NOTHING), "CONF: /dev/zero is not a"
                        + " regular file (a pipe, device or socket); expected a campaign file (HOCON)"),
                // sql
                command("sql --campaign a file", List.of("sql", "--campaign", "<conf>", "SELECT 1"),
                        "--campaign: <conf> is a file, not a campaign directory"),
                command("sql table above 100000 rows", List.of("sql", "--campaign", "<conf>", "--limit", "100001",
                        "SELECT 1"), "--limit: expected an integer in [1, 100000], got 100001 (a table holds its rows"
                        + " to align them; --format csv or json streams any number)"),
                onCampaign("sql reading a missing path", "SELECT * FROM parquet.`<dir>/absent`", "QUERY:"
                        + " [PATH_NOT_FOUND] Path does not exist: file:<dir>/absent. SQLSTATE: 42K03"),
                // --set
                set("--set of two keys after a comma", "grid.depth=5, grid.replicas=3", "--set: one --set sets one"
                        + " key, but 'grid.depth=5, grid.replicas=3' sets grid.replicas besides grid.depth; give each"
                        + " key its own --set"));
    }

    /** {@code run} with a {@code --master} this build cannot run: the message lists what it can. */
    private static Case master(String name, String url) {
        return command(name, List.of("run", "<conf>", "--master", url), "--master: expected " + MASTERS + ", got '"
                + url + "'");
    }

    /** {@code sql} of {@code query} over the committed campaign in {@code <out>}. */
    private static Case onCampaign(String name, String query, String message) {
        return new Case(name, MLP, StandardCharsets.UTF_8, MLP, List.of(List.of("sql", "--campaign", "<out>",
                "--engine", "spark", "--master", "local[2]", query)), List.of(Prior.THIS_CAMPAIGN), message);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("catalogue")
    void refusedWithExitTwoOneLineAndNothingWritten(Case c) throws IOException, InterruptedException {
        CampaignInputCatalogueTest.assertRefused(c, temp);
    }

    @Test
    void everyMessageIsDocumentedVerbatim() throws IOException {
        CampaignInputCatalogueTest.assertDocumented(catalogue(), "Masters, links, pipes and large results");
    }

    /**
     * A master that does not answer is refused within the probe's connect timeout. A listening socket whose accept
     * queue is full (backlog 1, never accepted) drops further connection requests, as a host behind a firewall does.
     */
    @Test
    void aMasterThatDoesNotAnswerIsRefusedWithinTheConnectTimeout() throws IOException {
        Path conf = Files.writeString(temp.resolve("c.conf"), MLP.replace("<out>", temp.resolve("out").toString()));
        assertEquals(0, cli("plan", conf.toString()).exitCode(), "classes loaded before the clock starts");
        List<Socket> queued = new ArrayList<>();
        try (ServerSocket master = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            InetSocketAddress address = new InetSocketAddress(master.getInetAddress(), master.getLocalPort());
            boolean full = false;
            while (!full && queued.size() < 16) {
                Socket client = new Socket();
                queued.add(client);
                try {
                    client.connect(address, 500);
                } catch (SocketTimeoutException e) {
                    full = true;
                }
            }
            assertTrue(full, "the accept queue never filled");
            long start = System.nanoTime();
            Outcome run = cli("run", conf.toString(), "--master", "spark://127.0.0.1:" + master.getLocalPort());
            double seconds = (System.nanoTime() - start) / 1e9;
            assertEquals(2, run.exitCode(), run.err());
            assertEquals("critsweep: --master: no Spark master answers at spark://127.0.0.1:" + master.getLocalPort()
                    + " within 5 s (127.0.0.1:" + master.getLocalPort() + ": Connect timed out); start it (e.g."
                    + " jobs/local-cluster.sh start) or choose another --master\n", run.err());
            assertTrue(seconds >= 4.9 && seconds < SparkMaster.CONNECT_TIMEOUT_MILLIS / 1e3 + 2, seconds + " s");
        } finally {
            for (Socket client : queued) {
                client.close();
            }
        }
    }

    /**
     * A query of a missing path logs nothing at WARN or above (Spark warned of streaming metadata, with a stack trace,
     * 96 lines in all): the one line of the refusal is all a user sees.
     */
    @Test
    void aMissingPathInAQueryLogsNoWarning() throws IOException {
        Path campaign = temp.resolve("campaign");
        assertEquals(0, cli("run", Files.writeString(temp.resolve("c.conf"), MLP.replace("<out>",
                campaign.toString())).toString(), "--master", "local[2]").exitCode());
        List<LogEvent> warnings = new ArrayList<>();
        AbstractAppender capture = new AbstractAppender("capture", null, null, true, Property.EMPTY_ARRAY) {
            @Override
            public void append(LogEvent event) {
                if (event.getLevel().isMoreSpecificThan(Level.WARN)) {
                    warnings.add(event.toImmutable());
                }
            }
        };
        LoggerContext context = (LoggerContext) LogManager.getContext(false);
        capture.start();
        context.getConfiguration().getRootLogger().addAppender(capture, Level.ALL, null);
        context.updateLoggers();
        Outcome query;
        try {
            query = cli("sql", "--campaign", campaign.toString(), "--master", "local[2]",
                    "SELECT * FROM parquet.`" + temp.resolve("absent") + "`");
        } finally {
            context.getConfiguration().getRootLogger().removeAppender("capture");
            context.updateLoggers();
        }
        assertEquals(2, query.exitCode(), query.err());
        assertEquals(1, query.err().lines().count(), query.err());
        assertEquals(List.of(), warnings.stream().map(e -> e.getLoggerName() + ": " + e.getMessage()
                .getFormattedMessage()).toList());
    }
}
