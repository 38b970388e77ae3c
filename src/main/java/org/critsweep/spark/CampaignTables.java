package org.critsweep.spark;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.critsweep.store.CampaignStore;
import org.critsweep.store.TableNames;

/** A campaign's tables read by Spark: one as a {@link Dataset}, or those it has as temporary views. */
public final class CampaignTables {

    private CampaignTables() {
    }

    /**
     * Registers every table this campaign has as a temporary view of the same name.
     *
     * @return the names registered
     */
    public static List<String> registerViews(SparkSession spark, CampaignStore store) {
        return registerViews(spark, store, TableNames.ALL);
    }

    /**
     * Registers those of {@code tables} this campaign has, e.g. all but {@code raw}, whose listing of one directory
     * per point is a Spark job of its own on a large campaign.
     *
     * @return the names registered
     */
    public static List<String> registerViews(SparkSession spark, CampaignStore store, List<String> tables) {
        List<String> present = tables.stream().filter(store::hasTable).toList();
        for (String name : present) {
            read(spark, store, name).createOrReplaceTempView(name);
        }
        return present;
    }

    /** One of this campaign's tables, read from its Parquet directory. */
    public static Dataset<Row> read(SparkSession spark, CampaignStore store, String name) {
        if (!name.equals(TableNames.RAW)) {
            return LiteralPaths.reader(spark).parquet(store.table(name));
        }
        // raw is partitioned by point_id: its schema keeps the hex ids strings (no partition type inference), and
        // the columns come in the schema's order (Spark appends a partition column).
        return LiteralPaths.reader(spark).schema(Tables.RAW_SCHEMA).parquet(store.table(name))
                .selectExpr(Tables.RAW_SCHEMA.fieldNames());
    }
}
