package org.critsweep.query;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.critsweep.grid.BadInputException;

/**
 * {@code sql} reads, on DuckDB too: the text is parsed, without running it, by DuckDB's own parser through
 * {@code json_serialize_sql}, which serializes only SELECT statements — every form of a query ({@code SELECT},
 * {@code WITH}, {@code VALUES}, {@code FROM}-first, {@code TABLE}) and {@code DESCRIBE}, {@code SHOW} and
 * {@code SUMMARIZE}, which DuckDB reads as queries. Exactly one statement is accepted, optionally behind
 * {@code EXPLAIN [ANALYZE]}. Everything else is refused before it runs: {@code COPY}, {@code EXPORT},
 * {@code ATTACH}, {@code INSTALL}/{@code LOAD}, {@code CREATE}, {@code INSERT}, {@code SET}, {@code PRAGMA},
 * {@code CALL}, …; and so is a second statement, which DuckDB's JDBC {@code prepareStatement} would run at once.
 */
final class DuckDbReadOnly {

    /** An {@code EXPLAIN} prefix with nothing (no comment) between its words. */
    private static final Pattern EXPLAIN = Pattern.compile("\\s*EXPLAIN\\s+(ANALYZE\\s+)?", Pattern.CASE_INSENSITIVE);

    private static final String PARSE = "SELECT j ->> 'error', json_array_length(j -> 'statements'),"
            + " j ->> 'error_type', j ->> 'error_message' FROM (SELECT json_serialize_sql(?::VARCHAR) AS j)";

    private DuckDbReadOnly() {
    }

    /**
     * @throws BadInputException naming QUERY when the text is not one read-only statement, or does not parse
     */
    static void require(Connection connection, String text) throws SQLException {
        Matcher explain = EXPLAIN.matcher(text);
        String query = explain.lookingAt() ? text.substring(explain.end()) : text;
        try (PreparedStatement parse = connection.prepareStatement(PARSE)) {
            parse.setString(1, query);
            try (ResultSet result = parse.executeQuery()) {
                result.next();
                boolean error = Boolean.parseBoolean(result.getString(1));
                if (error && "parser".equals(result.getString(3))) {
                    throw new BadInputException("QUERY", "Parser Error: " + result.getString(4));
                }
                if (error || result.getInt(2) != 1) {
                    throw result.getInt(2) > 1 ? new BadInputException("QUERY", "give one statement; this text holds "
                            + result.getInt(2)) : ReadOnlyRefusal.of(text);
                }
            }
        }
    }
}
