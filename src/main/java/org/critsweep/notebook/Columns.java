package org.critsweep.notebook;

import java.util.List;
import org.apache.spark.sql.Row;

/** A column of collected rows as the array a chart or a fit takes. */
public final class Columns {

    private Columns() {
    }

    /** The column's numbers (any numeric type) as doubles; NULL becomes NaN. */
    public static double[] doubles(List<Row> rows, String column) {
        return rows.stream().mapToDouble(row -> {
            int index = row.fieldIndex(column);
            return row.isNullAt(index) ? Double.NaN : ((Number) row.get(index)).doubleValue();
        }).toArray();
    }
}
