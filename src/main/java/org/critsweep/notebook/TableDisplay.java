package org.critsweep.notebook;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;

/**
 * Rows of a query result as a notebook shows them: every cell as {@code String.valueOf} (the exact value, as
 * {@code critsweep sql} prints it), NULL for a missing one.
 *
 * @param truncated whether the result had more rows than these
 */
record TableDisplay(List<String> columns, List<List<String>> rows, boolean truncated) {

    /** The first {@code maxRows} of {@code rows}; truncated when there are more. */
    static TableDisplay of(List<String> columns, List<Row> rows, int maxRows) {
        List<List<String>> cells = new ArrayList<>();
        for (Row row : rows.subList(0, Math.min(maxRows, rows.size()))) {
            List<String> line = new ArrayList<>(row.size());
            for (int i = 0; i < row.size(); i++) {
                line.add(row.isNullAt(i) ? "NULL" : String.valueOf(row.get(i)));
            }
            cells.add(line);
        }
        return new TableDisplay(List.copyOf(columns), cells, rows.size() > maxRows);
    }

    String html() {
        StringBuilder html = new StringBuilder("<table>\n<thead><tr>");
        columns.forEach(c -> html.append("<th>").append(escape(c)).append("</th>"));
        html.append("</tr></thead>\n<tbody>\n");
        for (List<String> row : rows) {
            html.append("<tr>");
            row.forEach(c -> html.append("<td>").append(escape(c)).append("</td>"));
            html.append("</tr>\n");
        }
        html.append("</tbody>\n</table>\n");
        return html.append(footer()).toString();
    }

    String text() {
        StringBuilder text = new StringBuilder(String.join("\t", columns)).append('\n');
        rows.forEach(row -> text.append(String.join("\t", row)).append('\n'));
        return text.append(footer()).toString();
    }

    private String footer() {
        return truncated ? "(first " + rows.size() + " rows)\n" : rows.size() + " rows\n";
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
