package org.critsweep.cli;

import org.apache.spark.sql.SparkSession;
import org.critsweep.spark.SparkSessions;
import picocli.CommandLine.Option;

/** The {@code --master} option of every command that starts Spark (a picocli mixin), and the session it names. */
final class SparkMaster {

    @Option(names = "--master", paramLabel = "URL", defaultValue = "local[*]",
            description = "Spark master (default: ${DEFAULT-VALUE}, embedded Spark on all cores).")
    String url;

    SparkSession session() {
        return SparkSessions.getOrCreate(url);
    }
}
