package org.critsweep.cli;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** Renders a query result as an aligned text table or as CSV (RFC 4180 quoting; NULL as an empty field). */
final class ResultFormats {

    private ResultFormats() {
    }

    static String table(Dataset<Row> result) {
        TextTable table = new TextTable(Arrays.asList(result.columns()));
        for (Row row : result.collectAsList()) {
            table.add(cells(row, "NULL"));
        }
        return table.render();
    }

    static String csv(Dataset<Row> result) {
        StringBuilder out = new StringBuilder();
        out.append(csvLine(Arrays.asList(result.columns())));
        for (Row row : result.collectAsList()) {
            out.append(csvLine(cells(row, "")));
        }
        return out.toString();
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
