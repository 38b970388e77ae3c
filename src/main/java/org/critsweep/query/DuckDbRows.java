package org.critsweep.query;

import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** A DuckDB result streamed from its JDBC result set (the connection streams results: nothing is read ahead). */
final class DuckDbRows implements ResultRows {

    private final Statement statement;
    private final ResultSet result;
    private final List<String> columns;

    DuckDbRows(Statement statement, ResultSet result) throws SQLException {
        this.statement = statement;
        this.result = result;
        ResultSetMetaData meta = result.getMetaData();
        List<String> names = new ArrayList<>();
        for (int c = 1; c <= meta.getColumnCount(); c++) {
            names.add(meta.getColumnLabel(c));
        }
        this.columns = List.copyOf(names);
    }

    @Override
    public List<String> columns() {
        return columns;
    }

    @Override
    public boolean next() {
        try {
            return result.next();
        } catch (SQLException e) {
            throw new DuckDbFailure(e);
        }
    }

    @Override
    public Object value(int column) {
        try {
            return result.getObject(column + 1);
        } catch (SQLException e) {
            throw new DuckDbFailure(e);
        }
    }

    @Override
    public void close() {
        try (statement) {
            result.close();
        } catch (SQLException e) {
            throw new DuckDbFailure(e);
        }
    }
}
