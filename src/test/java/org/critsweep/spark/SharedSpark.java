package org.critsweep.spark;

import org.apache.spark.sql.SparkSession;

/** The one local SparkSession all Spark unit tests of this JVM share (starting one costs seconds). */
public final class SharedSpark {

    private SharedSpark() {
    }

    public static SparkSession session() {
        return SparkSessions.getOrCreate("local[2]");
    }
}
