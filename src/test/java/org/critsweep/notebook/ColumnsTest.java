package org.critsweep.notebook;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

class ColumnsTest {

    static final StructType SCHEMA = new StructType().add("layer", DataTypes.IntegerType)
            .add("rho_mean", DataTypes.DoubleType);

    @Test
    void aNumericColumnByNameWithNullAsNaN() {
        List<Row> rows = List.of(new GenericRowWithSchema(new Object[] {1, 0.25}, SCHEMA),
                new GenericRowWithSchema(new Object[] {2, null}, SCHEMA));
        assertArrayEquals(new double[] {1, 2}, Columns.doubles(rows, "layer"));
        assertArrayEquals(new double[] {0.25, Double.NaN}, Columns.doubles(rows, "rho_mean"));
    }
}
