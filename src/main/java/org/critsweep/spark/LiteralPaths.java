package org.critsweep.spark;

import org.apache.spark.sql.DataFrameReader;
import org.apache.spark.sql.SparkSession;

/**
 * Reads of a campaign's tables that take the path literally. {@code DataFrameReader.parquet(path)} treats a path with
 * {@code {}[]*?\} in it as a Hadoop glob: a campaign in {@code runs/br[1]} would read {@code runs/br1}'s tables, and
 * one in {@code runs/x*} every sibling starting with x (and fail on a sibling whose name has a colon, which Hadoop's
 * glob takes for a URI scheme). Spark's {@code DataSource} skips the globbing when the read's option
 * {@value #GLOB_PATHS} is false (the option its streaming file sink sets for the same reason). Writes never glob.
 */
final class LiteralPaths {

    /** {@code DataSource.GLOB_PATHS_KEY} in Spark's source. */
    static final String GLOB_PATHS = "__globPaths__";

    private LiteralPaths() {
    }

    /** A reader whose paths are files and directories, never patterns. */
    static DataFrameReader reader(SparkSession spark) {
        return spark.read().option(GLOB_PATHS, "false");
    }
}
