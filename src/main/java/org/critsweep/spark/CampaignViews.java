package org.critsweep.spark;

import static org.apache.spark.sql.functions.lit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
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
import org.critsweep.store.CampaignStore;
import org.critsweep.store.TableNames;

/**
 * The tables of one or more campaigns as SQL views named after the tables ({@link TableNames#ALL}), for ad-hoc queries
 * across campaigns. Every row is labelled in a first column {@value #CAMPAIGN}: the {@code name} in the campaign's
 * {@code _campaign/manifest.json}, or the directory's name when it has no manifest. A view is the union by column
 * name of the campaigns that have the table; a column some of them lack (a table written by an older version) is
 * NULL in their rows. Views of tables that none of the campaigns has are dropped, so no view keeps the rows of an
 * earlier registration.
 */
public final class CampaignViews {

    /** The label column every view starts with. */
    public static final String CAMPAIGN = "campaign";

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

    /** The campaign label of a directory: its manifest's name, else the directory's name. */
    private static String label(Path campaign) {
        CampaignStore store = new CampaignStore(campaign);
        return store.manifest().filter(m -> m.hasPath("name")).map(m -> m.getString("name"))
                .orElse(String.valueOf(store.root().getFileName()));
    }

    /**
     * The distinct campaign directories by label, in the order given: what {@link #register} would register, checked
     * without Spark.
     *
     * @throws BadInputException naming a directory that is not a campaign, or two directories with the same label
     */
    public static Map<String, Path> labels(List<Path> campaigns) {
        if (campaigns.isEmpty()) {
            throw new IllegalArgumentException("no campaign directory given");
        }
        Map<String, Path> byLabel = new LinkedHashMap<>();
        for (Path directory : campaigns.stream().map(p -> p.toAbsolutePath().normalize()).distinct().toList()) {
            if (new CampaignStore(directory).presentTables().isEmpty()) {
                throw new BadInputException("--campaign", directory + (Files.isDirectory(directory)
                        ? " is not a critsweep campaign: it holds none of the tables "
                                + String.join(", ", TableNames.ALL)
                        : " does not exist"));
            }
            String label = label(directory);
            Path same = byLabel.putIfAbsent(label, directory);
            if (same != null) {
                throw new BadInputException("--campaign", same + " and " + directory + " both hold campaign '" + label
                        + "', so the campaign column could not tell their rows apart; query them one at a time");
            }
        }
        return byLabel;
    }

    private static Dataset<Row> labelledRows(Dataset<Row> rows, String label) {
        Column[] columns = Stream.concat(Stream.of(lit(label).as(CAMPAIGN)),
                Arrays.stream(rows.columns()).map(functions::col)).toArray(Column[]::new);
        return rows.select(columns);
    }
}
