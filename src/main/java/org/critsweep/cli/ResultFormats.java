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

/**
 * Renders a query result as text: an aligned table (collected on the driver, for results a person reads), CSV
 * (RFC 4180 quoting; NULL as an empty field) or JSON lines (one object per row, NULL as null). CSV and JSON stream
 * the rows, so a large result never sits whole in the driver's memory.
 */
final class ResultFormats {

    private ResultFormats() {
    }

    static void table(Dataset<Row> result, Writer out) throws IOException {
        TextTable table = new TextTable(Arrays.asList(result.columns()));
        for (Row row : result.collectAsList()) {
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
