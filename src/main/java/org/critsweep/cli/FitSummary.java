package org.critsweep.cli;

import java.io.PrintWriter;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.critsweep.report.ExponentTable;
import org.critsweep.spark.FitRows;

/**
 * The exponent table printed after {@code run} and {@code fit}: every row of the {@code fits} view, grouped by
 * family, with its 95 % interval and window, then one verdict line per family ({@link ExponentTable}, which the
 * HTML report shows too).
 */
final class FitSummary {

    private FitSummary() {
    }

    static void print(SparkSession spark, PrintWriter out) {
        ExponentTable exponents = ExponentTable.of(FitRows.fits(spark));
        TextTable table = new TextTable(ExponentTable.HEADERS);
        exponents.rows().forEach(row -> table.add(ExponentTable.cells(row)));
        out.println("Scaling analysis (fits table; errors from the bootstrap over replicas where the method says"
                + " +bootstrap):");
        out.print(table.render());
        out.println("Universality verdict (bootstrap p-values of the measured exponents against the classes"
                + " of the system's dimension, docs/PHYSICS.md sections 6-7; a class is named when it alone has"
                + " p >= 0.01):");
        if (exponents.verdicts().isEmpty()) {
            out.println("  none: no exponent could be fitted");
        }
        exponents.verdicts().forEach((family, verdict) -> {
            out.println("  " + family + ": " + verdict);
            exponents.classPValues().getOrDefault(family, List.of()).forEach(c -> out.println("    " + c.describe()));
        });
    }
}
