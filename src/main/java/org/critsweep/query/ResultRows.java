package org.critsweep.query;

import java.util.List;

/** A query's result read one row at a time, so a large result never sits whole in memory. */
public interface ResultRows extends AutoCloseable {

    List<String> columns();

    /** Moves to the next row; false after the last. */
    boolean next();

    /** The current row's value of a column (0-based): null for NULL, else a boxed Java value (String, Integer, Double…). */
    Object value(int column);

    @Override
    void close();
}
