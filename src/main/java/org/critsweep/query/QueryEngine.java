package org.critsweep.query;

import java.nio.file.Path;

/** Where {@code critsweep sql} runs a statement: the campaigns' tables are its views; it only reads. */
public interface QueryEngine extends AutoCloseable {

    /**
     * Runs a read-only statement.
     *
     * @throws org.critsweep.grid.BadInputException naming QUERY when the statement writes, or is not valid SQL
     */
    ResultRows query(String text);

    /** Writes a query's result as a Parquet directory (created, with a {@code _SUCCESS} marker) at {@code directory}. */
    void writeParquet(String text, Path directory);

    /**
     * The engine's error in the query itself (syntax, an unknown table or column, bad data) as bad input naming QUERY,
     * with its message; any other exception unchanged.
     */
    Exception asBadInput(Exception e);

    @Override
    void close();
}
