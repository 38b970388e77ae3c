package org.critsweep.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.critsweep.store.TableNames;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * docs/TABLES.md against the code: every column of every table documented with its type and nothing documented that
 * the tables do not have, and only plain types, which any Parquet reader reads.
 */
class TablesDocTest {

    private static final Pattern TABLE_HEADING = Pattern.compile("^## `([a-z_]+)`");
    private static final Pattern COLUMN_ROW = Pattern.compile("^\\| `([a-z0-9_]+)` \\| ([a-z]+) \\|");

    static Map<String, StructType> schemas;

    /** The code's schemas; curves' is what Spark makes of curves.sql over empty inputs of the other schemas. */
    @BeforeAll
    static void schemas() {
        SparkSession spark = SharedSpark.session().newSession(); // its own views: the shared session's are untouched
        spark.createDataFrame(List.of(), Tables.POINTS_SCHEMA).createOrReplaceTempView(TableNames.POINTS);
        spark.createDataFrame(List.of(), Tables.RAW_SCHEMA).createOrReplaceTempView("raw_ordered");
        spark.createDataFrame(List.of(), Tables.THEORY_SCHEMA).createOrReplaceTempView(TableNames.THEORY);
        StructType curves = spark.sql(CurvesAggregation.resource("curves.sql")).schema();
        schemas = Map.of(TableNames.POINTS, Tables.POINTS_SCHEMA, TableNames.RAW, Tables.RAW_SCHEMA,
                TableNames.THEORY, Tables.THEORY_SCHEMA, TableNames.CURVES, curves, TableNames.FITS, Tables.FITS_SCHEMA,
                TableNames.FIT_CURVES, Tables.FIT_CURVES_SCHEMA);
        assertEquals(Set.copyOf(TableNames.ALL), schemas.keySet());
    }

    /** Column name to type name for each "## `table`" section of the doc, from its rows "| `column` | type |". */
    static Map<String, Map<String, String>> documented() throws IOException {
        Map<String, Map<String, String>> tables = new LinkedHashMap<>();
        String table = null;
        for (String line : Files.readAllLines(Path.of("docs/TABLES.md"))) {
            if (line.startsWith("## ")) {
                Matcher heading = TABLE_HEADING.matcher(line);
                table = heading.find() ? heading.group(1) : null;
            } else if (table != null) {
                Matcher row = COLUMN_ROW.matcher(line);
                if (row.find()) {
                    tables.computeIfAbsent(table, t -> new LinkedHashMap<>()).put(row.group(1), row.group(2));
                }
            }
        }
        return tables;
    }

    @Test
    void everyColumnOfEveryTableIsDocumentedWithItsType() throws IOException {
        Map<String, Map<String, String>> documented = documented();
        assertEquals(Set.copyOf(TableNames.ALL), documented.keySet());
        for (String table : TableNames.ALL) {
            Map<String, String> columns = new LinkedHashMap<>();
            for (StructField field : schemas.get(table).fields()) {
                columns.put(field.name(), field.dataType().simpleString());
            }
            assertEquals(columns, documented.get(table), "docs/TABLES.md, table " + table);
        }
    }

    @Test
    void everyColumnHasAPlainType() {
        Set<DataType> plain = Set.of(DataTypes.StringType, DataTypes.IntegerType, DataTypes.LongType,
                DataTypes.DoubleType, DataTypes.BooleanType);
        schemas.forEach((table, schema) -> {
            for (StructField field : schema.fields()) {
                assertTrue(plain.contains(field.dataType()), table + "." + field.name() + ": " + field.dataType());
            }
        });
    }
}
