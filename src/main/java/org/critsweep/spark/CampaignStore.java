package org.critsweep.spark;

import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigRenderOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.critsweep.grid.Campaign;
import org.critsweep.grid.CampaignException;

/**
 * A campaign's output directory: one Parquet directory per table and {@code _campaign/manifest.json}, which records
 * the effective configuration and its hash. A directory that holds another campaign (a different hash) is never
 * written into.
 */
public final class CampaignStore {

    private static final String MANIFEST = "_campaign/manifest.json";

    private final Path root;

    public CampaignStore(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    public Path root() {
        return root;
    }

    /** The path of a table's Parquet directory, as Spark takes it. */
    public String table(String name) {
        return root.resolve(name).toString();
    }

    public boolean hasTable(String name) {
        return Files.isDirectory(root.resolve(name));
    }

    /** The tables of {@link Tables#ALL} this directory holds. */
    public List<String> presentTables() {
        return Tables.ALL.stream().filter(this::hasTable).toList();
    }

    /** SHA-256 of the campaign's {@linkplain Campaign#dataIdentity() data identity}, in hex. */
    public static String configHash(Campaign campaign) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(campaign.dataIdentity().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }

    /**
     * Refuses an output directory that holds something other than this campaign; writes nothing.
     *
     * @throws CampaignException naming {@code campaign.output}
     */
    public void checkWritableFor(Campaign campaign) {
        if (!Files.exists(root)) {
            return;
        }
        if (!Files.isDirectory(root)) {
            throw new CampaignException("campaign.output", root + " exists and is not a directory");
        }
        Path manifest = root.resolve(MANIFEST);
        if (Files.exists(manifest)) {
            String recorded = ConfigFactory.parseFile(manifest.toFile()).getString("config_hash");
            if (!recorded.equals(configHash(campaign))) {
                throw new CampaignException("campaign.output", root + " holds a campaign with a different configuration"
                        + " (config hash " + recorded.substring(0, 12) + "…: another name, seed or record schedule);"
                        + " choose another campaign.output or remove it");
            }
        } else if (!isEmpty(root)) {
            throw new CampaignException("campaign.output", root
                    + " is not empty and is not a critsweep campaign; choose another campaign.output");
        }
    }

    /**
     * The campaign configuration recorded in the manifest (JSON), for stages rerun on existing outputs.
     *
     * @throws CampaignException naming the directory when it holds no campaign manifest
     */
    public String recordedConfig() {
        Path manifest = root.resolve(MANIFEST);
        if (!Files.isRegularFile(manifest)) {
            throw new CampaignException("DIR", root + " is not a critsweep campaign (no " + MANIFEST + ")");
        }
        return ConfigFactory.parseFile(manifest.toFile()).getConfig("config").root()
                .render(ConfigRenderOptions.concise());
    }

    /** The sweep's progress file, rewritten after every committed batch; read by {@code status}. */
    public Path progressFile() {
        return root.resolve("_campaign/progress.json");
    }

    /** The lock file of a live (or killed) run. */
    public Path lockFile() {
        return root.resolve("_campaign/lock");
    }

    /** The manifest as written, or empty before a run has started here. */
    public java.util.Optional<com.typesafe.config.Config> manifest() {
        Path manifest = root.resolve(MANIFEST);
        return Files.isRegularFile(manifest) ? java.util.Optional.of(ConfigFactory.parseFile(manifest.toFile()))
                : java.util.Optional.empty();
    }

    /** Writes the manifest atomically (temporary file, then rename). */
    public void writeManifest(Campaign campaign, Map<String, Object> facts) {
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("name", campaign.name());
        manifest.put("config_hash", configHash(campaign));
        manifest.put("config", ConfigFactory.parseString(campaign.canonicalConfig()).root().unwrapped());
        manifest.putAll(facts);
        JsonFiles.write(root.resolve(MANIFEST), manifest, true);
    }

    /**
     * Registers every table this campaign has as a temporary view of the same name.
     *
     * @return the names registered
     */
    public List<String> registerViews(SparkSession spark) {
        List<String> present = presentTables();
        for (String name : present) {
            read(spark, name).createOrReplaceTempView(name);
        }
        return present;
    }

    /** One of this campaign's tables, read from its Parquet directory. */
    public Dataset<Row> read(SparkSession spark, String name) {
        if (!name.equals(Tables.RAW)) {
            return spark.read().parquet(table(name));
        }
        // raw is partitioned by point_id: its schema keeps the hex ids strings (no partition type inference), and
        // the columns come in the schema's order (Spark appends a partition column).
        return spark.read().schema(Tables.RAW_SCHEMA).parquet(table(name)).selectExpr(Tables.RAW_SCHEMA.fieldNames());
    }

    private static boolean isEmpty(Path directory) {
        try (Stream<Path> entries = Files.list(directory)) {
            return entries.findAny().isEmpty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + directory, e);
        }
    }
}
