package org.critsweep.spark;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigRenderOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.critsweep.grid.Campaign;
import org.critsweep.grid.BadInputException;

/**
 * A campaign's output directory: one Parquet directory per table and {@code _campaign/manifest.json}, which records
 * the effective configuration and its hash. A directory that holds another campaign (a different hash) is never
 * written into.
 */
public final class CampaignStore {

    private static final String MANIFEST = "_campaign/manifest.json";
    private static final Pattern RECORDED_HASH = Pattern.compile("\"config_hash\"\\s*:\\s*\"([0-9a-f]{64})\"");

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

    /**
     * @throws BadInputException naming DIR when one of the tables is missing: the campaign has not run that far
     */
    public void requireTables(String... names) {
        for (String name : names) {
            if (!hasTable(name)) {
                throw new BadInputException("DIR", root + " has no " + name + " table; run the campaign first");
            }
        }
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
     * Refuses an output directory that holds something other than this campaign; writes nothing. A manifest that does
     * not parse still proves the directory's campaign when its config hash can be read from its text (a manifest cut
     * short after its {@code config_hash} line): the run then rewrites the manifest.
     *
     * @throws BadInputException naming {@code campaign.output}
     */
    public void checkWritableFor(Campaign campaign) {
        if (!Files.exists(root)) {
            return;
        }
        if (!Files.isDirectory(root)) {
            throw new BadInputException("campaign.output", root + " exists and is not a directory");
        }
        Path manifest = manifestFile();
        if (Files.exists(manifest)) {
            String recorded = recordedHash(campaign);
            if (!recorded.equals(configHash(campaign))) {
                throw new BadInputException("campaign.output", root + " holds a campaign with a different configuration"
                        + " (config hash " + recorded.substring(0, 12) + "…: another name, seed or record schedule);"
                        + " choose another campaign.output or remove it");
            }
        } else if (!isEmpty(root)) {
            throw new BadInputException("campaign.output", root
                    + " is not empty and is not a critsweep campaign; choose another campaign.output");
        }
    }

    /** The manifest's {@code config_hash}: read as JSON, else found in its text, else refused. */
    private String recordedHash(Campaign campaign) {
        Path manifest = manifestFile();
        String problem;
        try {
            return ConfigFactory.parseFile(manifest.toFile()).getString("config_hash");
        } catch (ConfigException damaged) {
            problem = JsonFiles.parseError(damaged, manifest);
        }
        Matcher hash;
        try {
            hash = RECORDED_HASH.matcher(new String(Files.readAllBytes(manifest), StandardCharsets.ISO_8859_1));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + manifest, e);
        }
        if (hash.find()) {
            return hash.group(1);
        }
        throw new BadInputException("campaign.output", manifest + " does not parse (" + problem + ") and holds no"
                + " config hash, so whether " + root + " holds this campaign cannot be checked; restore the manifest"
                + " from a backup, or, if this campaign file made the directory, write {\"config_hash\": \""
                + configHash(campaign) + "\"} into it and rerun");
    }

    /**
     * The campaign configuration recorded in the manifest (JSON), for stages rerun on existing outputs.
     *
     * @throws BadInputException naming the directory when it holds no campaign manifest
     */
    public String recordedConfig() {
        return requireManifest().getConfig("config").root().render(ConfigRenderOptions.concise());
    }

    /**
     * The manifest as written.
     *
     * @throws BadInputException naming the directory when it holds no campaign manifest
     * @throws CampaignFailure   when the manifest does not parse (a run rewrites it)
     */
    public Config requireManifest() {
        if (!Files.isRegularFile(manifestFile())) {
            throw new BadInputException("DIR", root + " is not a critsweep campaign (no " + MANIFEST + ")");
        }
        try {
            return ConfigFactory.parseFile(manifestFile().toFile());
        } catch (ConfigException damaged) {
            throw new CampaignFailure(manifestFile() + " does not parse (" + JsonFiles.parseError(damaged,
                    manifestFile()) + "); rerunning the campaign (critsweep run with its campaign file) rewrites it",
                    damaged);
        }
    }

    /** The sweep's progress file, rewritten after every committed batch; read by {@code status}. */
    public Path progressFile() {
        return root.resolve("_campaign/progress.json");
    }

    /** The lock file of a live (or killed) run. */
    public Path lockFile() {
        return root.resolve("_campaign/lock");
    }

    /** The manifest's path, whether or not it exists. */
    public Path manifestFile() {
        return root.resolve(MANIFEST);
    }

    /** The manifest as written; empty before a run has started here, or when it is damaged ({@link #manifestProblem}). */
    public Optional<Config> manifest() {
        if (!Files.isRegularFile(manifestFile())) {
            return Optional.empty();
        }
        try {
            return Optional.of(parseManifest());
        } catch (ConfigException damaged) {
            return Optional.empty();
        }
    }

    /** Why the manifest cannot be read, or empty when it can or there is none. */
    Optional<String> manifestProblem() {
        if (!Files.isRegularFile(manifestFile())) {
            return Optional.empty();
        }
        try {
            parseManifest();
            return Optional.empty();
        } catch (ConfigException damaged) {
            return Optional.of(JsonFiles.parseError(damaged, manifestFile()));
        }
    }

    /**
     * Writes the manifest atomically (temporary file, then rename). A damaged manifest it replaces is kept beside it as
     * {@code manifest.json.damaged}: it is the provenance of an earlier run.
     */
    public void writeManifest(Campaign campaign, Map<String, Object> facts) {
        if (manifestProblem().isPresent()) {
            try {
                Files.move(manifestFile(), manifestFile().resolveSibling("manifest.json.damaged"),
                        StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException e) {
                throw StorageFailure.cannotWrite(manifestFile(), e);
            }
        }
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("name", campaign.name());
        manifest.put("config_hash", configHash(campaign));
        manifest.put("config", ConfigFactory.parseString(campaign.canonicalConfig()).root().unwrapped());
        manifest.putAll(facts);
        JsonFiles.write(manifestFile(), manifest, true);
    }

    /** @throws ConfigException when the manifest does not parse or lacks what every manifest records */
    private Config parseManifest() {
        Config manifest = ConfigFactory.parseFile(manifestFile().toFile());
        // Typed reads of what writeManifest always writes: a key that is missing or of another type throws.
        manifest.getString("name");
        manifest.getString("config_hash");
        manifest.getConfig("config");
        return manifest;
    }

    /**
     * Registers every table this campaign has as a temporary view of the same name.
     *
     * @return the names registered
     */
    public List<String> registerViews(SparkSession spark) {
        return registerViews(spark, Tables.ALL);
    }

    /**
     * Registers those of {@code tables} this campaign has, e.g. all but {@code raw}, whose listing of one directory
     * per point is a Spark job of its own on a large campaign.
     *
     * @return the names registered
     */
    public List<String> registerViews(SparkSession spark, List<String> tables) {
        List<String> present = tables.stream().filter(this::hasTable).toList();
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
