package org.critsweep.cli;

import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.critsweep.query.ResultRows;

/** A Spark result streamed to the driver a partition at a time ({@code toLocalIterator}). */
final class SparkRows implements ResultRows {

    private final List<String> columns;
    private final Iterator<Row> rows;
    private Row row;

    SparkRows(Dataset<Row> result) {
        this.columns = Arrays.asList(result.columns());
        this.rows = result.toLocalIterator();
    }

    @Override
    public List<String> columns() {
        return columns;
    }

    @Override
    public boolean next() {
        row = rows.hasNext() ? rows.next() : null;
        return row != null;
    }

    @Override
    public Object value(int column) {
        return row.get(column);
    }

    @Override
    public void close() {
        // the local iterator holds no resource once dropped
    }
}
