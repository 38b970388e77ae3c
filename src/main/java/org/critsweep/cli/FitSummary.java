package org.critsweep.cli;

import java.io.PrintWriter;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.critsweep.report.ExponentTable;
import org.critsweep.report.FitRow;
import org.critsweep.report.HeadlineBlock;
import org.critsweep.spark.FitRows;

/**
 * What {@code run} and {@code fit} print of the {@code fits} view: first the results at a glance
 * ({@link HeadlineBlock}), then the verdict of each family with every class's p-value, then — with {@code --all} —
 * every fit ({@link ExponentTable}, which the HTML report shows too), else a line saying where they are.
 */
final class FitSummary {

    private FitSummary() {
    }

    /** @param campaign the campaign directory, for the line that says how to print every fit */
    static void print(SparkSession spark, PrintWriter out, boolean all, String campaign) {
        print(FitRows.fits(spark), out, all, campaign);
    }

    static void print(List<FitRow> fits, PrintWriter out, boolean all, String campaign) {
        headline(HeadlineBlock.of(fits), out);
        ExponentTable exponents = ExponentTable.of(fits);
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
        if (all) {
            TextTable table = new TextTable(ExponentTable.HEADERS);
            exponents.rows().forEach(row -> table.add(ExponentTable.cells(row)));
            out.println("Every fit (fits table; errors from the bootstrap over replicas where the method says"
                    + " +bootstrap):");
            out.print(table.render());
        } else {
            out.println("Every fit (" + exponents.rows().size() + " rows): bin/critsweep fit " + campaign + " --all,"
                    + " the report's exponent table, or bin/critsweep sql --campaign " + campaign
                    + " \"SELECT * FROM fits\"");
        }
    }

    private static void headline(HeadlineBlock block, PrintWriter out) {
        out.println("Results at a glance (" + HeadlineBlock.LEGEND + "):");
        if (block.families().isEmpty()) {
            out.println("  none: the fits table is empty");
        }
        for (HeadlineBlock.Family family : block.families()) {
            out.println(family.family());
            TextTable table = new TextTable(family.headers());
            family.lines().forEach(line -> table.add(line.cells()));
            if (!family.lines().isEmpty()) {
                table.render().lines().forEach(l -> out.println("  " + l));
            }
            out.println("  verdict: " + family.verdict());
        }
        out.println();
    }
}
