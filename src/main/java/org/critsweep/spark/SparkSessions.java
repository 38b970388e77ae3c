package org.critsweep.spark;

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
            }
        }
        return builder.getOrCreate();
    }
}
