package org.critsweep.cli;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import org.critsweep.query.ResultRows;

/**
 * Renders a query result as text, reading its rows one at a time: an aligned table for a person (at most
 * {@code limit} rows, which it must hold to align the columns, doubles to six significant digits), CSV (RFC 4180
 * quoting; NULL as an empty field) or JSON lines (one object per row, NULL as null); CSV and JSON give every digit
 * of a double and stream, so a large result never sits whole in memory.
 */
final class ResultFormats {

    /** The most rows a table holds and shows: {@code --limit}'s largest value. */
    static final int TABLE_ROWS = 100_000;

    private ResultFormats() {
    }

    /** The first {@code limit} rows as a table, then, when there are more, a line that says so. */
    static void table(ResultRows rows, int limit, Writer out) throws IOException {
        TextTable table = new TextTable(rows.columns());
        int shown = 0;
        boolean more = false;
        while (rows.next()) {
            if (shown == limit) {
                more = true;
                break;
            }
            List<String> cells = new ArrayList<>(rows.columns().size());
            for (int c = 0; c < rows.columns().size(); c++) {
                cells.add(tableCell(rows.value(c)));
            }
            table.add(cells);
            shown++;
        }
        out.write(table.render());
        if (more) {
            out.write("… more rows than the " + limit + " shown (--limit N shows up to " + TABLE_ROWS
                    + "; --format csv or json streams them all)\n");
        }
    }

    static void csv(ResultRows rows, long limit, Writer out) throws IOException {
        out.write(csvLine(rows.columns()));
        for (long n = 0; n < limit && rows.next(); n++) {
            List<String> cells = new ArrayList<>(rows.columns().size());
            for (int c = 0; c < rows.columns().size(); c++) {
                Object value = rows.value(c);
                cells.add(value == null ? "" : String.valueOf(value));
            }
            out.write(csvLine(cells));
        }
    }

    static void jsonLines(ResultRows rows, long limit, Writer out) throws IOException {
        for (long n = 0; n < limit && rows.next(); n++) {
            StringBuilder line = new StringBuilder("{");
            for (int c = 0; c < rows.columns().size(); c++) {
                line.append(c == 0 ? "" : ",").append(jsonString(rows.columns().get(c))).append(':')
                        .append(jsonValue(rows.value(c)));
            }
            out.write(line.append("}\n").toString());
        }
    }

    /** NULL as NULL; a finite double (or float) to six significant digits; anything else as Java writes it. */
    static String tableCell(Object value) {
        if (value == null) {
            return "NULL";
        }
        if ((value instanceof Double || value instanceof Float) && Double.isFinite(((Number) value).doubleValue())) {
            return Formats.number(((Number) value).doubleValue());
        }
        return String.valueOf(value);
    }

    /** A number as itself (NaN and the infinities quoted, as JSON has no literal for them), text quoted. */
    private static String jsonValue(Object value) {
        if (value == null || value instanceof Boolean) {
            return String.valueOf(value);
        }
        if (value instanceof Number number) {
            boolean finite = !(number instanceof Double || number instanceof Float)
                    || Double.isFinite(number.doubleValue());
            return finite ? number.toString() : jsonString(number.toString());
        }
        return jsonString(String.valueOf(value));
    }

    private static String jsonString(String text) {
        StringBuilder quoted = new StringBuilder("\"");
        for (char ch : text.toCharArray()) {
            switch (ch) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                case '\n' -> quoted.append("\\n");
                case '\r' -> quoted.append("\\r");
                case '\t' -> quoted.append("\\t");
                default -> quoted.append(ch < 0x20 ? String.format("\\u%04x", (int) ch) : String.valueOf(ch));
            }
        }
        return quoted.append('"').toString();
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
