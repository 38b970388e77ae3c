package org.critsweep.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.apache.spark.SparkThrowable;
import org.apache.spark.sql.AnalysisException;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.parser.ParseException;
import org.critsweep.grid.BadInputException;
import org.critsweep.query.QueryEngine;
import org.critsweep.query.ResultRows;
import org.critsweep.spark.CampaignViews;

/** {@code sql} on Spark: the campaigns' tables as Spark views ({@link CampaignViews}), Spark SQL's dialect. */
final class SparkEngine implements QueryEngine {

    /**
     * The SQLSTATE classes of Spark's errors in the query itself: 42 (syntax, unknown table or column), 22 (data,
     * e.g. a division by zero or a bad cast under ANSI SQL) and 0A (an unsupported feature).
     */
    private static final Set<String> QUERY_ERRORS = Set.of("42", "22", "0A");

    private final SparkSession spark;

    SparkEngine(SparkSession spark, List<Path> campaigns) {
        this.spark = spark;
        CampaignViews.register(spark, campaigns);
    }

    @Override
    public ResultRows query(String text) {
        requireReadOnly(text);
        return new SparkRows(spark.sql(text));
    }

    @Override
    public void writeParquet(String text, Path directory) {
        requireReadOnly(text);
        spark.sql(text).write().parquet(directory.toString());
    }

    private void requireReadOnly(String text) {
        try {
            ReadOnlyQuery.require(spark, text);
        } catch (ParseException e) {
            throw new BadInputException("QUERY", e.getMessage().strip());
        }
    }

    /** Spark's error in the query itself ({@link #QUERY_ERRORS}) as bad input with its message; others unchanged. */
    @Override
    public Exception asBadInput(Exception e) {
        if (!(e instanceof SparkThrowable error) || error.isInternalError() || error.getSqlState() == null
                || !QUERY_ERRORS.contains(error.getSqlState().substring(0, 2))) {
            return e;
        }
        // An analysis error's full message appends the query plan; a parse error's shows where in the query it is.
        return new BadInputException("QUERY", e instanceof AnalysisException analysis && !(e instanceof ParseException)
                ? analysis.getSimpleMessage() : e.getMessage().strip());
    }

    @Override
    public void close() {
        // the session outlives the command (tests and notebooks share it); the JVM's exit stops it
    }
}
