package org.critsweep.notebook;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.internal.chartpart.Chart;

/**
 * What a notebook cell shows besides what it prints: a query result as an HTML table (where {@code Dataset.show()}
 * prints fixed-width text, with long values cut), an XChart chart as a PNG.
 */
public final class Show {

    /** Rows shown by {@link #table(Dataset)}. */
    public static final int ROWS = 50;

    private Show() {
    }

    /** The first {@value #ROWS} rows of a query result. */
    public static void table(Dataset<Row> result) {
        table(result, ROWS);
    }

    /** The first {@code maxRows} rows of a query result, as an HTML table (and tab-separated text). */
    public static void table(Dataset<Row> result, int maxRows) {
        List<Row> rows = result.limit(maxRows + 1).collectAsList();
        TableDisplay table = TableDisplay.of(List.of(result.columns()), rows, maxRows);
        DisplayData data = new DisplayData(table.text());
        data.putHTML(table.html());
        display(data);
    }

    /** A chart, rendered as a PNG at its own size. */
    public static void chart(Chart<?, ?> chart) {
        byte[] png;
        try {
            png = BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot render the chart " + chart.getTitle(), e);
        }
        DisplayData data = new DisplayData("chart: " + chart.getTitle());
        data.putData("image/png", Base64.getEncoder().encodeToString(png));
        display(data);
    }

    private static void display(DisplayData data) {
        BaseKernel.notebookKernel().display(data);
    }
}
