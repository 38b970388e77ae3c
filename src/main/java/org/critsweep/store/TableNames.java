package org.critsweep.store;

import java.util.List;

/**
 * The names of a campaign's tables, each a Parquet directory of the campaign directory (docs/TABLES.md); their Spark
 * schemas are in {@code org.critsweep.spark.Tables}.
 */
public final class TableNames {

    public static final String POINTS = "points";
    public static final String RAW = "raw";
    public static final String CURVES = "curves";
    public static final String FITS = "fits";
    public static final String THEORY = "theory";
    public static final String FIT_CURVES = "fit_curves";

    /** Every table a campaign writes, in pipeline order. */
    public static final List<String> ALL = List.of(POINTS, RAW, THEORY, CURVES, FITS, FIT_CURVES);

    /** What follows a table's name in the name of its temporary directory while it is written. */
    static final String TEMPORARY = ".tmp-";

    private TableNames() {
    }

    /** Whether a campaign directory's entry is a table being written, or left half written by a killed run. */
    static boolean isTemporary(String entry) {
        int at = entry.indexOf(TEMPORARY);
        return at > 0 && ALL.contains(entry.substring(0, at));
    }

    /** The table a temporary directory was to become. */
    static String ofTemporary(String entry) {
        return entry.substring(0, entry.indexOf(TEMPORARY));
    }
}
