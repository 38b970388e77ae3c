package org.critsweep.store;

import static org.critsweep.store.CampaignFileSystem.child;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigRenderOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.critsweep.grid.Campaign;
import org.critsweep.grid.BadInputException;

/**
 * A campaign's output directory: one Parquet directory per table and {@code _campaign/manifest.json}, which records
 * the effective configuration and its hash. A directory that holds another campaign (a different hash) is never
 * written into. Its files are reached through a {@link CampaignFileSystem}; {@link #root} and the other
 * {@link Path}s are for callers on the local file system.
 */
public final class CampaignStore {

    static final String MANIFEST = "_campaign/manifest.json";
    static final String PROGRESS = "_campaign/progress.json";
    /** The HTML report, relative to the campaign's directory. */
    public static final String REPORT = "report/index.html";
    private static final String DAMAGED_MANIFEST = MANIFEST + ".damaged";
    private static final Pattern RECORDED_HASH = Pattern.compile("\"config_hash\"\\s*:\\s*\"([0-9a-f]{64})\"");

    private final Path root;
    private final CampaignFileSystem files;

    public CampaignStore(Path root) {
        this.root = root.toAbsolutePath().normalize();
        this.files = new LocalFileSystem(this.root);
    }

    public Path root() {
        return root;
    }

    /** The campaign directory's files. */
    CampaignFileSystem files() {
        return files;
    }

    /** The location of a table's Parquet directory, as Spark takes it. */
    public String table(String name) {
        return files.location(name);
    }

    /**
     * Whether the table is there whole: its directory with Spark's {@code _SUCCESS} (for {@code raw}, whose points
     * are committed one by one, its directory). An incomplete one, left by a killed write, is not read; {@code status}
     * reports it ({@link CampaignDamage}) and {@code run} rebuilds it.
     */
    public boolean hasTable(String name) {
        return files.isDirectory(name) && (name.equals(TableNames.RAW) || files.exists(child(name, "_SUCCESS")));
    }

    /**
     * Writes a derived table whole or not at all: {@code write} writes it to a temporary directory beside it
     * ({@code curves.tmp-<id>}, location given), which then replaces the table. A kill leaves the old table, no table,
     * or a temporary that the next run removes ({@link #removeTemporaryTables}), never a part of the new one.
     *
     * @throws CampaignFailure when the storage fails (a full disk), naming the table
     */
    public void replaceTable(String name, Consumer<String> write) {
        String temporary = name + TableNames.TEMPORARY + UUID.randomUUID();
        try {
            StorageFailure.guard(table(name), () -> write.accept(files.location(temporary)));
            files.delete(name);
            files.move(temporary, name);
        } catch (IOException e) {
            throw StorageFailure.cannotWrite(table(name), e);
        } finally {
            deleteQuietly(temporary);
        }
    }

    /** Removes the temporary tables a killed run left ({@link #replaceTable}). */
    public void removeTemporaryTables() {
        for (String name : list("")) {
            if (TableNames.isTemporary(name)) {
                try {
                    files.delete(name);
                } catch (IOException e) {
                    throw StorageFailure.cannotWrite(files.location(name), e);
                }
            }
        }
    }

    private void deleteQuietly(String path) {
        try {
            files.delete(path);
        } catch (IOException | UncheckedIOException ignored) {
            // a temporary the next run removes
        }
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

    /** The tables of {@link TableNames#ALL} this directory holds, whole or not. */
    public List<String> presentTables() {
        return TableNames.ALL.stream().filter(files::isDirectory).toList();
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
        String name = campaign.name();
        if (name.isBlank() || name.equals(".") || name.equals("..") || name.contains("/") || name.contains("\\")) {
            throw new BadInputException("campaign.name", "'" + name + "' is not a plain name (it is a directory's"
                    + " name: no '/', '\\', '.' or '..'); choose a plain name such as critical-tanh");
        }
        CampaignNesting.refuseNested(root);
        if (!files.exists("")) {
            return;
        }
        if (!files.isDirectory("")) {
            throw new BadInputException("campaign.output", root + " exists and is not a directory");
        }
        if (files.exists(MANIFEST)) {
            String recorded = recordedHash(campaign);
            if (!recorded.equals(configHash(campaign))) {
                throw new BadInputException("campaign.output", root + " holds a campaign with a different configuration"
                        + " (config hash " + recorded.substring(0, 12) + "…: another name, seed or record schedule);"
                        + " choose another campaign.output or remove it");
            }
        } else if (!list("").isEmpty()) {
            throw new BadInputException("campaign.output", root
                    + " is not empty and is not a critsweep campaign; choose another campaign.output");
        }
    }

    /** The manifest's {@code config_hash}: read as JSON, else found in its text, else refused. */
    private String recordedHash(Campaign campaign) {
        String problem;
        try {
            return JsonFiles.read(files, MANIFEST).getString("config_hash");
        } catch (ConfigException damaged) {
            problem = JsonFiles.parseError(damaged, files.location(MANIFEST));
        }
        Matcher hash;
        try {
            hash = RECORDED_HASH.matcher(new String(files.read(MANIFEST), StandardCharsets.ISO_8859_1));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + files.location(MANIFEST), e);
        }
        if (hash.find()) {
            return hash.group(1);
        }
        throw new BadInputException("campaign.output", files.location(MANIFEST) + " does not parse (" + problem
                + ") and holds no config hash, so whether " + root + " holds this campaign cannot be checked; restore"
                + " the manifest from a backup, or, if this campaign file made the directory, write {\"config_hash\":"
                + " \"" + configHash(campaign) + "\"} into it and rerun");
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
        if (!files.isFile(MANIFEST)) {
            throw new BadInputException("DIR", root + " is not a critsweep campaign (no " + MANIFEST + ")");
        }
        try {
            return JsonFiles.read(files, MANIFEST);
        } catch (ConfigException damaged) {
            throw new CampaignFailure(files.location(MANIFEST) + " does not parse (" + JsonFiles.parseError(damaged,
                    files.location(MANIFEST)) + "); rerunning the campaign (critsweep run with its campaign file)"
                    + " rewrites it", damaged);
        }
    }

    /** The sweep's progress file, rewritten after every committed batch; read by {@code status}. */
    public Path progressFile() {
        return root.resolve(PROGRESS);
    }

    /** The manifest's path, whether or not it exists. */
    public Path manifestFile() {
        return root.resolve(MANIFEST);
    }

    /** The manifest as written; empty before a run has started here, or when it is damaged ({@link #manifestProblem}). */
    public Optional<Config> manifest() {
        if (!files.isFile(MANIFEST)) {
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
        if (!files.isFile(MANIFEST)) {
            return Optional.empty();
        }
        try {
            parseManifest();
            return Optional.empty();
        } catch (ConfigException damaged) {
            return Optional.of(JsonFiles.parseError(damaged, files.location(MANIFEST)));
        }
    }

    /**
     * Writes the manifest atomically (temporary file, then rename). A damaged manifest it replaces is kept beside it as
     * {@code manifest.json.damaged}: it is the provenance of an earlier run.
     */
    public void writeManifest(Campaign campaign, Map<String, Object> facts) {
        if (manifestProblem().isPresent()) {
            try {
                files.delete(DAMAGED_MANIFEST);
                files.move(MANIFEST, DAMAGED_MANIFEST);
            } catch (IOException e) {
                throw StorageFailure.cannotWrite(files.location(MANIFEST), e);
            }
        }
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("name", campaign.name());
        manifest.put("config_hash", configHash(campaign));
        manifest.put("config", ConfigFactory.parseString(campaign.canonicalConfig()).root().unwrapped());
        manifest.putAll(facts);
        JsonFiles.write(files, MANIFEST, manifest, true);
    }

    /**
     * Writes a text file of the campaign atomically (temporary file, then rename), e.g. the report.
     *
     * @param path relative to the campaign directory
     * @throws CampaignFailure when the file cannot be written (a full disk): the old file, if any, is intact
     */
    public void write(String path, String text) {
        AtomicFiles.write(files, path, text);
    }

    /**
     * Writes a binary file of the campaign atomically, e.g. a figure of the report.
     *
     * @param path relative to the campaign directory
     * @throws CampaignFailure when the file cannot be written (a full disk): the old file, if any, is intact
     */
    public void write(String path, byte[] content) {
        AtomicFiles.write(files, path, content);
    }

    /**
     * Deletes the files of a folder of the campaign that are not in {@code keep}, e.g. the figures of an earlier
     * report whose titles have changed since; a folder that does not exist is left so.
     *
     * @param keep names within the folder
     * @throws CampaignFailure when a file cannot be deleted
     */
    public void deleteAllBut(String folder, java.util.Set<String> keep) {
        if (!files.isDirectory(folder)) {
            return;
        }
        for (String name : list(folder)) {
            if (!keep.contains(name)) {
                String path = CampaignFileSystem.child(folder, name);
                try {
                    files.delete(path);
                } catch (IOException e) {
                    throw StorageFailure.cannotWrite(files.location(path), e);
                }
            }
        }
    }

    /** @throws ConfigException when the manifest does not parse or lacks what every manifest records */
    private Config parseManifest() {
        Config manifest = JsonFiles.read(files, MANIFEST);
        // Typed reads of what writeManifest always writes: a key that is missing or of another type throws.
        manifest.getString("name");
        manifest.getString("config_hash");
        manifest.getConfig("config");
        return manifest;
    }

    /** The names of a directory's entries, e.g. the campaign's ({@code ""}). */
    List<String> list(String directory) {
        try {
            return files.list(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + files.location(directory), e);
        }
    }
}
