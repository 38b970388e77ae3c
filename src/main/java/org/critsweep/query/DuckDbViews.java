package org.critsweep.query;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.critsweep.store.CampaignStore;
import org.critsweep.store.TableNames;

/**
 * The statements that make the campaigns' tables DuckDB views with the names, columns and column order of Spark's
 * ({@code org.critsweep.spark.CampaignViews}): a first column {@code campaign}, then the table's columns; {@code raw}'s
 * {@code point_id}, a string taken from the partition directory's name, comes first as in its Spark schema. A view is
 * the union by column name of the campaigns that have the table (a column one lacks is NULL in its rows); a table
 * that no campaign has yet (a campaign still sweeping has no fits) gets no view, so only a query that names it fails.
 */
final class DuckDbViews {

    private DuckDbViews() {
    }

    /** {@code CREATE VIEW} statements by table name, in {@link TableNames#ALL} order, for the tables some campaign has. */
    static Map<String, String> statements(Map<String, Path> campaigns) {
        Map<String, String> views = new LinkedHashMap<>();
        for (String table : TableNames.ALL) {
            List<String> parts = new ArrayList<>();
            campaigns.forEach((label, directory) -> {
                List<Path> files = ParquetFiles.of(new CampaignStore(directory), table);
                if (!files.isEmpty()) {
                    parts.add(select(label, table, files));
                }
            });
            if (!parts.isEmpty()) {
                views.put(table, "CREATE VIEW " + table + " AS " + String.join("\nUNION ALL BY NAME\n", parts));
            }
        }
        return views;
    }

    private static String select(String label, String table, List<Path> files) {
        String list = files.stream().map(f -> literal(f.toString())).collect(Collectors.joining(", ", "[", "]"));
        String campaign = "SELECT " + literal(label) + " AS " + CampaignLabels.CAMPAIGN;
        if (!table.equals(TableNames.RAW)) {
            return campaign + ", * FROM read_parquet(" + list + ", union_by_name = true)";
        }
        return campaign + ", regexp_extract(filename, '/" + ParquetFiles.PARTITION + "([^/]*)/[^/]*$', 1) AS point_id,"
                + " * EXCLUDE (filename) FROM read_parquet(" + list + ", filename = true, union_by_name = true,"
                + " hive_partitioning = false)";
    }

    /** A SQL string literal. */
    static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }
}
