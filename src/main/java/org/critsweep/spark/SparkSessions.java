package org.critsweep.spark;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.spark.sql.SparkSession;

/** Builds the SparkSession critsweep runs in: embedded ({@code local[*]}) by default, or a cluster master. */
public final class SparkSessions {

    private SparkSessions() {
    }

    /**
     * Returns the session of this JVM, creating it with {@code master} if there is none yet (a session that already
     * exists, e.g. one shared by tests or made by spark-submit, is reused as it is).
     *
     * @param master a Spark master URL, or null to take it from spark-submit's configuration
     */
    public static SparkSession getOrCreate(String master) {
        SparkSession.Builder builder = SparkSession.builder()
                .appName("critsweep")
                .config("spark.ui.enabled", "false")
                .config("spark.ui.showConsoleProgress", "false")
                .config("spark.sql.shuffle.partitions", "8")
                .config("spark.sql.debug.maxToStringFields", "1000")
                .config("spark.sql.sources.partitionColumnTypeInference.enabled", "false");
        if (master != null) {
            builder.master(master);
            if (master.startsWith("local")) {
                builder.config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1");
            } else {
                configureForCluster(builder, master);
            }
        }
        return builder.getOrCreate();
    }

    /**
     * A cluster master outside spark-submit: the executors load the application from the shaded jar (its path in
     * the system property {@code critsweep.clusterJar}, which bin/critsweep sets) and get an executor memory that fits
     * a 1g worker; a loopback master gets a loopback driver. {@code -Dspark.*} system properties (and spark-submit's
     * configuration) take precedence.
     */
    private static void configureForCluster(SparkSession.Builder builder, String master) {
        if (System.getProperty("spark.jars") == null && System.getProperty("spark.submit.deployMode") == null) {
            String jar = System.getProperty("critsweep.clusterJar", "");
            if (jar.isEmpty() || !Files.isRegularFile(Path.of(jar))) {
                throw new IllegalStateException("master " + master + " needs the cluster jar for its executors, but "
                        + (jar.isEmpty() ? "none was given" : jar + " does not exist") + ": build it with mvn package"
                        + " and run through bin/critsweep (or pass -Dcritsweep.clusterJar=PATH)");
            }
            builder.config("spark.jars", jar);
        }
        if (System.getProperty("spark.executor.memory") == null) {
            builder.config("spark.executor.memory", "768m");
        }
        if (master.startsWith("spark://127.") || master.startsWith("spark://localhost:")) {
            for (String key : new String[] {"spark.driver.host", "spark.driver.bindAddress"}) {
                if (System.getProperty(key) == null) {
                    builder.config(key, "127.0.0.1");
                }
            }
        }
    }
}
