package org.critsweep.cli;

import java.util.regex.Pattern;
import org.apache.spark.sql.SparkSession;
import org.critsweep.grid.BadInputException;
import org.critsweep.spark.SparkSessions;
import picocli.CommandLine.Option;

/** The {@code --master} option of every command that starts Spark (a picocli mixin), and the session it names. */
final class SparkMaster {

    /** Spark 4's forms: local[N][,F], local-cluster, standalone (several masters for high availability), YARN, k8s. */
    private static final Pattern VALID = Pattern.compile("local(\\[(\\*|[1-9][0-9]*)(,[1-9][0-9]*)?])?"
            + "|local-cluster\\[[1-9][0-9]*, *[1-9][0-9]*, *[1-9][0-9]*]"
            + "|spark://[^/,:]+:[0-9]+(,[^/,:]+:[0-9]+)*|yarn|k8s://.+");

    @Option(names = "--master", paramLabel = "URL", defaultValue = "local[*]",
            description = "Spark master (default: ${DEFAULT-VALUE}, embedded Spark on all cores).")
    String url;

    /**
     * Refuses a URL Spark would not understand, so that a typo is bad input rather than a failure after Spark started.
     *
     * @throws BadInputException naming {@code --master} and the forms allowed
     */
    void check() {
        if (!VALID.matcher(url).matches()) {
            throw new BadInputException("--master", "expected local, local[N], local[*], local[N,F], spark://HOST:PORT,"
                    + " yarn or k8s://URL, got '" + url + "'");
        }
    }

    SparkSession session() {
        check();
        return SparkSessions.getOrCreate(url);
    }
}
