package org.critsweep.cli;

import java.io.PrintWriter;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The exponent table printed after {@code run} and {@code fit}: every row of the {@code fits} view, grouped by
 * family, with its 95 % interval and window, then one verdict line per family.
 */
final class FitSummary {

    private static final String ROWS = """
            SELECT concat(arch, '/', activation, '/', sampler, ' sigma_b=', sigma_b,
                          CASE WHEN arch = 'mlp' THEN '' ELSE concat(' C=', width) END) AS family,
                   scope, quantity, estimate, stderr, ci_low, ci_high, method, fit_window, quality, n_used
            FROM fits
            ORDER BY family,
                     CASE WHEN scope LIKE '%%->inf' THEN 1 WHEN scope LIKE '%% in %%' THEN 2 ELSE 0 END,
                     coalesce(width, 0), coalesce(size, 0), quantity""";

    private FitSummary() {
    }

    static void print(SparkSession spark, PrintWriter out) {
        List<Row> rows = spark.sql(ROWS.replace("%%", "%")).collectAsList();
        TextTable table = new TextTable(List.of("family", "scope", "quantity", "estimate", "stderr", "ci95_low",
                "ci95_high", "method", "window"));
        StringBuilder verdicts = new StringBuilder();
        for (Row r : rows) {
            String quantity = r.getAs("quantity");
            if (quantity.equals("universality_class")) {
                verdicts.append("  ").append(r.<String>getAs("family")).append(": ").append(r.<String>getAs("fit_window"))
                        .append(System.lineSeparator());
                continue;
            }
            table.add(List.of(r.getAs("family"), r.getAs("scope"), quantity, Formats.number(r.getAs("estimate")),
                    orDash(r, "stderr"), orDash(r, "ci_low"), orDash(r, "ci_high"), r.getAs("method"),
                    r.getAs("fit_window")));
        }
        out.println("Scaling analysis (fits table; errors from the bootstrap over replicas where the method says"
                + " +bootstrap):");
        out.print(table.render());
        out.println("Universality verdict (chi2 consistency of delta, beta, nu_par, z with SCIENCE.md section 6;"
                + " consistent at p >= 0.01):");
        out.print(verdicts.length() == 0 ? "  none: no exponent could be fitted\n" : verdicts.toString());
    }

    private static String orDash(Row r, String column) {
        return r.isNullAt(r.fieldIndex(column)) ? "-" : Formats.number(r.<Double>getAs(column));
    }
}
