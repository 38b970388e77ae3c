package org.critsweep.spark;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.critsweep.store.CampaignStore;
import org.critsweep.store.TableNames;

/**
 * The aggregation stage, written as Spark SQL ({@code curves.sql}) over the views {@code points} and {@code raw}:
 * reads them from the campaign's Parquet, writes {@code curves}, and leaves all three registered as views.
 */
public final class CurvesAggregation {

    private static final String QUERY = resource("curves.sql");

    private CurvesAggregation() {
    }

    public static void run(SparkSession spark, CampaignStore store) {
        CampaignTables.registerViews(spark, store);
        spark.table(TableNames.RAW).repartition(spark.sparkContext().defaultParallelism() * 2,
                        org.apache.spark.sql.functions.col("point_id"))
                .sortWithinPartitions("point_id", "layer", "replica").createOrReplaceTempView("raw_ordered");
        store.replaceTable(TableNames.CURVES, location -> spark.sql(QUERY).repartition(1)
                .sortWithinPartitions("point_id", "layer").write().mode(SaveMode.Overwrite).parquet(location));
        LiteralPaths.reader(spark).parquet(store.table(TableNames.CURVES)).createOrReplaceTempView(TableNames.CURVES);
    }

    static String resource(String name) {
        try (InputStream in = CurvesAggregation.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
