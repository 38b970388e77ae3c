package org.critsweep.cli;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.sql.SparkSession;
import org.critsweep.grid.BadInputException;
import org.critsweep.spark.SparkSessions;
import org.critsweep.store.CampaignFailure;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The {@code --master} option of every command that starts Spark (a picocli mixin), and the session it names. The URL
 * is checked in full before Spark starts: only the forms this build can run are allowed (YARN and Kubernetes only
 * when their Spark modules are on the class path, as under a spark-submit that has them; never {@code local-cluster},
 * which needs a Spark distribution), and a standalone master must accept a connection within
 * {@link #CONNECT_TIMEOUT_MILLIS}: Spark itself would wait three registration rounds of 20 s, then fail in dozens of
 * lines. A port that accepts connections but is no Spark master still costs those 60 s; the run then fails in one
 * line, before anything is written.
 */
final class SparkMaster {

    /** Threads (and task failures) {@code local[N,F]} may ask for: far above any core count, far below int's range. */
    static final int MAX_LOCAL = 1024;

    static final int CONNECT_TIMEOUT_MILLIS = 5000;

    private static final Pattern LOCAL = Pattern.compile("local(?:\\[(\\*|[0-9]+)(?:,([0-9]+))?])?");
    private static final Pattern HOST_PORT = Pattern.compile("([^/,:@\\s]+):([0-9]+)");
    private static final String YARN = "org.apache.spark.scheduler.cluster.YarnClusterManager";
    private static final String K8S = "org.apache.spark.scheduler.cluster.k8s.KubernetesClusterManager";

    @Option(names = "--master", paramLabel = "URL", defaultValue = "local[*]",
            description = "Spark master (default: ${DEFAULT-VALUE}, embedded Spark on all cores).")
    String url;

    private boolean checked;

    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    /**
     * Refuses a URL this build cannot run, and a standalone master that does not accept a connection, so that either is
     * bad input rather than a failure after Spark started.
     *
     * @throws BadInputException naming {@code --master} and the forms allowed
     */
    void check() {
        Matcher local = LOCAL.matcher(url);
        if (local.matches()) {
            if (!inRange(local.group(1)) || !inRange(local.group(2))) {
                throw refused();
            }
        } else if (url.startsWith("spark://")) {
            probe(standaloneMasters());
        } else if (!(url.equals("yarn") && onClassPath(YARN) || url.matches("k8s://.+") && onClassPath(K8S))) {
            throw refused();
        }
        checked = true;
    }

    /**
     * The session on this master, named {@code appName} in Spark's UI and History Server; when Spark's UI is on (by
     * default on a cluster, or with {@code -Dspark.ui.enabled=true}), its address goes to the command's stderr.
     */
    SparkSession session(String appName) {
        if (!checked) {
            check();
        }
        SparkSession spark = SparkSessions.getOrCreate(url, appName);
        if (spark.sparkContext().isStopped()) {
            throw new CampaignFailure("--master: no Spark master registered this application at " + url + " (Spark"
                    + " gave up after 3 attempts of 20 s: the port accepts connections, but not as a Spark master);"
                    + " start one there (e.g. jobs/local-cluster.sh start) or choose another --master");
        }
        if (spark.sparkContext().uiWebUrl().isDefined()) {
            mixee.commandLine().getErr().println("Spark UI: " + spark.sparkContext().uiWebUrl().get());
            mixee.commandLine().getErr().flush();
        }
        return spark;
    }

    /** A count of {@code local[N,F]}: absent, {@code *} (for N) or in [1, {@value #MAX_LOCAL}]. */
    private static boolean inRange(String count) {
        if (count == null || count.equals("*")) {
            return true;
        }
        return count.length() <= 4 && Integer.parseInt(count) >= 1 && Integer.parseInt(count) <= MAX_LOCAL;
    }

    /** The {@code HOST:PORT} of each master of {@code spark://H1:P1,H2:P2} (several for high availability). */
    private List<InetSocketAddress> standaloneMasters() {
        List<InetSocketAddress> masters = new ArrayList<>();
        for (String master : url.substring("spark://".length()).split(",", -1)) {
            Matcher hostPort = HOST_PORT.matcher(master);
            if (!hostPort.matches() || hostPort.group(2).length() > 5 || Integer.parseInt(hostPort.group(2)) < 1
                    || Integer.parseInt(hostPort.group(2)) > 65535) {
                throw refused();
            }
            masters.add(InetSocketAddress.createUnresolved(hostPort.group(1), Integer.parseInt(hostPort.group(2))));
        }
        return masters;
    }

    /** Passes when one of the masters accepts a TCP connection within the timeout. */
    private void probe(List<InetSocketAddress> masters) {
        List<String> failures = new ArrayList<>();
        for (InetSocketAddress master : masters) {
            InetSocketAddress address = new InetSocketAddress(master.getHostString(), master.getPort());
            if (address.isUnresolved()) {
                failures.add(master.getHostString() + ": unknown host");
                continue;
            }
            try (Socket socket = new Socket()) {
                socket.connect(address, CONNECT_TIMEOUT_MILLIS);
                return;
            } catch (IOException e) {
                failures.add(master.getHostString() + ":" + master.getPort() + ": " + e.getMessage());
            }
        }
        throw new BadInputException("--master", "no Spark master answers at " + url + " within "
                + CONNECT_TIMEOUT_MILLIS / 1000 + " s (" + String.join("; ", failures) + "); start it (e.g."
                + " jobs/local-cluster.sh start) or choose another --master");
    }

    private BadInputException refused() {
        List<String> allowed = new ArrayList<>(List.of("local", "local[N] or local[N,F] with N and F in [1, "
                + MAX_LOCAL + "]", "local[*]", "spark://HOST:PORT[,HOST:PORT...] with PORT in [1, 65535]"));
        if (onClassPath(YARN)) {
            allowed.add("yarn");
        }
        if (onClassPath(K8S)) {
            allowed.add("k8s://URL");
        }
        return new BadInputException("--master", "expected " + String.join(", ", allowed) + ", got '" + url + "'");
    }

    private static boolean onClassPath(String className) {
        try {
            Class.forName(className, false, SparkMaster.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }
}
