package org.critsweep.cli;

import java.util.List;
import java.util.regex.Pattern;
import org.critsweep.grid.BadInputException;

/**
 * {@code sql --engine}: DuckDB, embedded, for campaign directories on this machine (a query in well under a second),
 * or Spark, for campaigns on a cluster's file system or a query to run on a cluster. {@code auto} takes Spark when a
 * campaign is a Hadoop URI ({@code hdfs://}, {@code s3a://}, …) or {@code --master} names a cluster, else DuckDB.
 */
enum SqlEngine {
    auto, duckdb, spark;

    /** A URI with a scheme other than {@code file}, which only Hadoop's file systems (so Spark) read. */
    private static final Pattern HADOOP_URI = Pattern.compile("(?!file:)[A-Za-z][A-Za-z0-9+.-]*://.*");

    /**
     * The engine that runs the query: this one, or for {@code auto} the one the campaigns and the master call for.
     *
     * @throws BadInputException naming {@code --engine} when DuckDB is asked for what only Spark can do
     */
    SqlEngine resolve(List<String> campaigns, String master) {
        String uri = campaigns.stream().filter(c -> HADOOP_URI.matcher(c).matches()).findFirst().orElse(null);
        boolean cluster = !master.startsWith("local");
        if (this == auto) {
            return uri != null || cluster ? spark : duckdb;
        }
        if (this == duckdb && (uri != null || cluster)) {
            throw new BadInputException("--engine", "duckdb runs in this process on local directories; "
                    + (uri != null ? uri + " is a Hadoop URI" : "--master " + master + " is a cluster")
                    + ": use --engine spark (or auto)");
        }
        return this;
    }
}
