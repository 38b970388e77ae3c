package org.critsweep.spark;

import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.critsweep.fit.FitResult;
import org.critsweep.fit.Measurement;
import org.critsweep.grid.ScalingFamily;
import org.critsweep.report.FitCurvePoint;
import org.critsweep.report.FitRow;
import org.critsweep.store.TableNames;

/** The fit stage's tables, read back from their views {@code fits} and {@code fit_curves} as plain records. */
public final class FitRows {

    private FitRows() {
    }

    /** Every row of the {@code fits} view. */
    public static List<FitRow> fits(SparkSession spark) {
        return spark.table(TableNames.FITS).collectAsList().stream().map(r -> new FitRow(family(r), integer(r, "width"),
                integer(r, "size"), r.getAs("scope"), new FitResult(r.getAs("quantity"), r.<Double>getAs("estimate"),
                number(r, "stderr"), number(r, "ci_low"), number(r, "ci_high"), r.getAs("method"),
                r.getAs("fit_window"), number(r, "quality"), r.<Integer>getAs("n_used")))).toList();
    }

    /** Every row of the {@code fit_curves} view. */
    public static List<FitCurvePoint> curves(SparkSession spark) {
        return spark.table(TableNames.FIT_CURVES).collectAsList().stream().map(r -> new FitCurvePoint(family(r),
                r.getAs("scope"), r.getAs("curve"), r.getAs("series"),
                new Measurement(r.<Double>getAs("x"), r.<Double>getAs("y"), number(r, "e")))).toList();
    }

    /** The scaling family of a row with the family columns (arch, activation, sampler, sigma_b, width). */
    static ScalingFamily family(Row r) {
        return ScalingFamily.of(FamilyColumns.arch(r), FamilyColumns.activation(r), FamilyColumns.sampler(r),
                r.<Double>getAs("sigma_b"), integer(r, "width"));
    }

    /** A nullable double column, NaN for NULL. */
    static double number(Row r, String column) {
        int i = r.fieldIndex(column);
        return r.isNullAt(i) ? Double.NaN : r.getDouble(i);
    }

    private static Integer integer(Row r, String column) {
        int i = r.fieldIndex(column);
        return r.isNullAt(i) ? null : r.getInt(i);
    }
}
