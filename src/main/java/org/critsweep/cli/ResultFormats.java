package org.critsweep.cli;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.to_json;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.critsweep.grid.BadInputException;

/**
 * Renders a query result as text: an aligned table (collected on the driver, for results a person reads, so at most
 * {@link #TABLE_ROWS} rows), CSV (RFC 4180 quoting; NULL as an empty field) or JSON lines (one object per row, NULL as
 * null). CSV and JSON stream the rows, so a large result never sits whole in the driver's memory.
 */
final class ResultFormats {

    /** The most rows {@link #table} renders. */
    static final int TABLE_ROWS = 100_000;

    private ResultFormats() {
    }

    /**
     * Refuses a result of more than {@link #TABLE_ROWS} rows as a table, before printing anything: aligning columns
     * needs every row in memory at once (30 M rows do not fit in a few GB), and nobody reads such a table.
     */
    static void table(Dataset<Row> result, Writer out) throws IOException {
        List<Row> rows = result.limit(TABLE_ROWS + 1).collectAsList();
        if (rows.size() > TABLE_ROWS) {
            throw new BadInputException("--format", "the result has more than " + TABLE_ROWS + " rows, too many for"
                    + " an aligned table (held in memory); use --format csv or json, which stream, with --out FILE"
                    + " for a file, or add a LIMIT");
        }
        TextTable table = new TextTable(Arrays.asList(result.columns()));
        for (Row row : rows) {
            table.add(cells(row, "NULL"));
        }
        out.write(table.render());
    }

    static void csv(Dataset<Row> result, Writer out) throws IOException {
        out.write(csvLine(Arrays.asList(result.columns())));
        for (Iterator<Row> rows = result.toLocalIterator(); rows.hasNext(); ) {
            out.write(csvLine(cells(rows.next(), "")));
        }
    }

    static void jsonLines(Dataset<Row> result, Writer out) throws IOException {
        Dataset<Row> lines = result.select(to_json(struct(col("*")), Map.of("ignoreNullFields", "false")));
        for (Iterator<Row> rows = lines.toLocalIterator(); rows.hasNext(); ) {
            out.write(rows.next().getString(0));
            out.write('\n');
        }
    }

    private static List<String> cells(Row row, String nullText) {
        List<String> cells = new ArrayList<>(row.size());
        for (int i = 0; i < row.size(); i++) {
            cells.add(row.isNullAt(i) ? nullText : String.valueOf(row.get(i)));
        }
        return cells;
    }

    private static String csvLine(List<String> cells) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            String cell = cells.get(i);
            boolean quote = cell.contains(",") || cell.contains("\"") || cell.contains("\n");
            line.append(i == 0 ? "" : ",").append(quote ? '"' + cell.replace("\"", "\"\"") + '"' : cell);
        }
        return line.append('\n').toString();
    }
}
