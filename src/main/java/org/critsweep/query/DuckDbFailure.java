package org.critsweep.query;

import java.sql.SQLException;

/** DuckDB's {@link SQLException} unchecked, for the row iteration that cannot throw it. */
final class DuckDbFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    DuckDbFailure(SQLException cause) {
        super(cause.getMessage(), cause);
    }
}
