package org.critsweep.query;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.critsweep.grid.BadInputException;

/**
 * {@code sql} on DuckDB, embedded in this JVM: an in-memory database whose views read the campaigns' Parquet files
 * ({@link DuckDbViews}). Nothing is read before a query names a view, beyond the footer of its first file when the
 * view is made; a statement must only read ({@link DuckDbReadOnly}), and the configuration is locked once the views
 * exist.
 */
public final class DuckDbEngine implements QueryEngine {

    /** The kinds of DuckDB error that are the query's fault: the prefix of the message DuckDB gives them. */
    private static final Set<String> QUERY_ERRORS = Set.of("Parser Error", "Binder Error", "Catalog Error",
            "Conversion Error", "Invalid Input Error", "Out of Range Error", "Not implemented Error",
            "Dependency Error");

    private final Connection connection;

    /**
     * @param campaigns the campaign directories by label ({@link CampaignLabels#of})
     */
    public DuckDbEngine(Map<String, Path> campaigns) {
        Properties properties = new Properties();
        properties.setProperty("jdbc_stream_results", "true");
        try {
            connection = DriverManager.getConnection("jdbc:duckdb:", properties);
            try (Statement statement = connection.createStatement()) {
                for (String view : DuckDbViews.statements(campaigns).values()) {
                    statement.execute(view);
                }
                statement.execute("SET lock_configuration = true");
            }
        } catch (SQLException e) {
            throw new DuckDbFailure(e);
        }
    }

    @Override
    public ResultRows query(String text) {
        try {
            DuckDbReadOnly.require(connection, text);
            PreparedStatement statement = connection.prepareStatement(text);
            try {
                return new DuckDbRows(statement, statement.executeQuery());
            } catch (SQLException | RuntimeException e) {
                statement.close();
                throw e;
            }
        } catch (SQLException e) {
            throw new DuckDbFailure(e);
        }
    }

    @Override
    public void writeParquet(String text, Path directory) {
        try {
            DuckDbReadOnly.require(connection, text);
            Files.createDirectories(directory);
            String query = text.strip().replaceAll("(;\\s*)+$", "");
            try (Statement statement = connection.createStatement()) {
                statement.execute("COPY (\n" + query + "\n) TO " + DuckDbViews.literal(
                        directory.resolve("part-00000.parquet").toString()) + " (FORMAT parquet)");
            }
            Files.createFile(directory.resolve("_SUCCESS"));
        } catch (SQLException e) {
            throw new DuckDbFailure(e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + directory, e);
        }
    }

    @Override
    public Exception asBadInput(Exception e) {
        if (e instanceof DuckDbFailure failure && QUERY_ERRORS.stream().anyMatch(failure.getMessage()::startsWith)) {
            return new BadInputException("QUERY", failure.getMessage().strip());
        }
        return e;
    }

    /** The names of the views, as DuckDB lists them. */
    public List<String> views() {
        try (Statement statement = connection.createStatement();
             var result = statement.executeQuery("SELECT view_name FROM duckdb_views() WHERE NOT internal"
                     + " ORDER BY view_name")) {
            List<String> names = new java.util.ArrayList<>();
            while (result.next()) {
                names.add(result.getString(1));
            }
            return names;
        } catch (SQLException e) {
            throw new DuckDbFailure(e);
        }
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            throw new DuckDbFailure(e);
        }
    }
}
