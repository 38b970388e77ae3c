package org.critsweep.spark;

import com.typesafe.config.ConfigFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Which points of {@code raw} are complete, and the protocol that keeps it so. A point's rows live in
 * {@code raw/point_id=<id>/}; it counts as committed only when {@code _campaign/points/<id>.json} — written last,
 * atomically — names its replica count and its files. A batch is written by Spark to {@code raw/_staging/} (which
 * Spark's readers skip), each point's directory is then renamed into place whole, and its marker follows. A driver
 * killed at any moment leaves at worst a staging directory, or a point directory without a marker: {@link #clean}
 * removes both before the next run, so {@code raw} never gains a partial point or a duplicate row.
 */
final class PointCommits {

    static final String STAGING = "_staging";
    private static final String TRASH = "_trash";
    private static final String PREFIX = "point_id=";

    private final Path raw;
    private final Path markers;

    PointCommits(CampaignStore store) {
        this.raw = Path.of(store.table(Tables.RAW));
        this.markers = store.root().resolve("_campaign/points");
    }

    /** The staging directory of one batch. */
    Path staging(int batch) {
        return raw.resolve(STAGING).resolve("batch-" + batch);
    }

    /** Committed replicas per point id. */
    Map<String, Integer> committed() {
        Map<String, Integer> replicas = new HashMap<>();
        if (Files.isDirectory(markers)) {
            for (Path marker : list(markers)) {
                String name = marker.getFileName().toString();
                if (name.endsWith(".json")) {
                    replicas.put(name.substring(0, name.length() - 5),
                            ConfigFactory.parseFile(marker.toFile()).getInt("replicas"));
                }
            }
        }
        return replicas;
    }

    /**
     * Removes what a killed run left: the staging and trash directories, point directories without a marker, and
     * files of a committed point that its marker does not name.
     */
    void clean() {
        delete(raw.resolve(STAGING));
        delete(raw.resolve(TRASH));
        if (!Files.isDirectory(raw)) {
            return;
        }
        for (Path dir : list(raw)) {
            String name = dir.getFileName().toString();
            if (!name.startsWith(PREFIX)) {
                continue;
            }
            Path marker = markers.resolve(name.substring(PREFIX.length()) + ".json");
            if (!Files.exists(marker)) {
                delete(dir);
                continue;
            }
            Set<String> files = new HashSet<>(ConfigFactory.parseFile(marker.toFile()).getStringList("files"));
            for (Path file : list(dir)) {
                if (!files.contains(file.getFileName().toString())) {
                    delete(file);
                }
            }
        }
    }

    /**
     * Moves every point of a written batch into {@code raw} and commits it, then removes the batch's staging directory
     * (batches are committed one at a time, in order, while the next batch may still be writing to its own): a new
     * point's directory is renamed into place; a grown point's old files join the new ones in staging first, and the
     * two directories are swapped.
     *
     * @param replicas the point's replica count once this batch is in
     */
    void commit(Path staging, Map<String, Integer> replicas) {
        try {
            for (Map.Entry<String, Integer> point : replicas.entrySet()) {
                Path staged = staging.resolve(PREFIX + point.getKey());
                Path target = raw.resolve(PREFIX + point.getKey());
                if (Files.isDirectory(target)) {
                    for (Path old : list(target)) {
                        Files.move(old, staged.resolve(old.getFileName()));
                    }
                    Path trash = raw.resolve(TRASH).resolve(point.getKey());
                    Files.createDirectories(trash.getParent());
                    Files.move(target, trash, StandardCopyOption.ATOMIC_MOVE);
                }
                Files.move(staged, target, StandardCopyOption.ATOMIC_MOVE);
                writeMarker(point.getKey(), point.getValue(), list(target).stream()
                        .map(f -> f.getFileName().toString()).filter(f -> !f.startsWith(".")).sorted().toList());
            }
            delete(raw.resolve(TRASH));
            delete(staging);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot commit a batch of raw rows under " + raw, e);
        }
    }

    /** Removes the (by now empty) staging root once every batch is committed. */
    void finish() {
        delete(raw.resolve(STAGING));
    }

    private void writeMarker(String pointId, int replicas, List<String> files) {
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("replicas", replicas);
        content.put("files", files);
        JsonFiles.write(markers.resolve(pointId + ".json"), content, false);
    }

    private static List<Path> list(Path dir) {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }

    private static void delete(Path path) {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + path, e);
        }
    }
}
