package org.critsweep.spark;

import static org.apache.spark.sql.functions.lit;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.critsweep.grid.BadInputException;
import org.critsweep.query.CampaignLabels;
import org.critsweep.store.CampaignStore;
import org.critsweep.store.TableNames;

/**
 * The tables of one or more campaigns as SQL views named after the tables ({@link TableNames#ALL}), for ad-hoc queries
 * across campaigns. Every row is labelled in a first column {@value #CAMPAIGN} ({@link CampaignLabels}). A view is the union by column
 * name of the campaigns that have the table; a column some of them lack (a table written by an older version) is
 * NULL in their rows. Views of tables that none of the campaigns has are dropped, so no view keeps the rows of an
 * earlier registration.
 */
public final class CampaignViews {

    /** The label column every view starts with. */
    public static final String CAMPAIGN = CampaignLabels.CAMPAIGN;

    private CampaignViews() {
    }

    /**
     * Registers the views; a directory given twice counts once.
     *
     * @return the names of the views registered, in {@link TableNames#ALL} order
     * @throws BadInputException as {@link #labels}
     */
    public static List<String> register(SparkSession spark, List<Path> campaigns) {
        Map<String, Path> labelled = labels(campaigns);
        List<String> registered = new ArrayList<>();
        for (String table : TableNames.ALL) {
            List<Dataset<Row>> parts = new ArrayList<>();
            labelled.forEach((label, directory) -> {
                CampaignStore store = new CampaignStore(directory);
                if (store.hasTable(table)) {
                    parts.add(labelledRows(CampaignTables.read(spark, store, table), label));
                }
            });
            Optional<Dataset<Row>> union = parts.stream().reduce((a, b) -> a.unionByName(b, true));
            if (union.isPresent()) {
                union.get().createOrReplaceTempView(table);
                registered.add(table);
            } else {
                spark.catalog().dropTempView(table);
            }
        }
        return registered;
    }

    /**
     * The distinct campaign directories by label, in the order given: what {@link #register} would register, checked
     * without Spark ({@link CampaignLabels#of}).
     *
     * @throws BadInputException naming a directory that is not a campaign, or two directories with the same label
     */
    public static Map<String, Path> labels(List<Path> campaigns) {
        return CampaignLabels.of(campaigns);
    }

    private static Dataset<Row> labelledRows(Dataset<Row> rows, String label) {
        Column[] columns = Stream.concat(Stream.of(lit(label).as(CAMPAIGN)),
                Arrays.stream(rows.columns()).map(functions::col)).toArray(Column[]::new);
        return rows.select(columns);
    }
}
