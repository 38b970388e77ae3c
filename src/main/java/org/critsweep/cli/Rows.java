package org.critsweep.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Rows of named values in one of the theory commands' formats: an aligned text table (printed at the end), one JSON
 * object per line, or CSV with a header line (JSON and CSV rows printed as they come).
 */
final class Rows {

    private final TheoryCommand.Format format;
    private final List<String> columns;
    private final PrintWriter out;
    private final TextTable table;

    Rows(TheoryCommand.Format format, List<String> columns, PrintWriter out) {
        this.format = format;
        this.columns = List.copyOf(columns);
        this.out = out;
        this.table = new TextTable(columns);
        if (format == TheoryCommand.Format.csv) {
            out.println(String.join(",", columns));
        }
    }

    /** One row, a value per column, each written as {@link String#valueOf} writes it (JSON: see {@link #json}). */
    void add(Object... values) {
        List<String> cells = new ArrayList<>();
        Map<String, Object> fields = new LinkedHashMap<>();
        for (int c = 0; c < columns.size(); c++) {
            cells.add(String.valueOf(values[c]));
            fields.put(columns.get(c), values[c]);
        }
        switch (format) {
            case json -> out.println(json(fields));
            case csv -> out.println(String.join(",", cells));
            case table -> table.add(cells);
        }
    }

    /** Prints the table (the other formats are printed already) and flushes. */
    void finish() {
        if (format == TheoryCommand.Format.table) {
            out.print(table.render());
        }
        out.flush();
    }

    /** One JSON object: numbers as numbers (NaN as null, infinities as strings), everything else as a string. */
    static String json(Map<String, Object> fields) {
        StringBuilder out = new StringBuilder("{");
        for (Map.Entry<String, Object> e : fields.entrySet()) {
            out.append(out.length() == 1 ? "" : ", ").append('"').append(e.getKey()).append("\": ");
            Object v = e.getValue();
            if (v instanceof Double d) {
                out.append(Double.isFinite(d) ? Double.toString(d) : (Double.isNaN(d) ? "null" : "\"" + d + "\""));
            } else if (v instanceof Number) {
                out.append(v);
            } else {
                out.append('"').append(v).append('"');
            }
        }
        return out.append('}').toString();
    }
}
