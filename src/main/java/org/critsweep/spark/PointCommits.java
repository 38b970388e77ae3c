package org.critsweep.spark;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * Which points of {@code raw} are complete, and the protocol that keeps it so. A point's rows live in
 * {@code raw/point_id=<id>/}; it counts as committed only when {@code _campaign/points/<id>.json} — written last,
 * atomically — names its replica count and its files. A batch is written by Spark to {@code raw/_staging/} (which
 * Spark's readers skip), each point's directory is then renamed into place whole, and its marker follows. A driver
 * killed at any moment leaves at worst a staging directory, or a point directory without a marker: {@link #clean}
 * removes both before the next run, so {@code raw} never gains a partial point or a duplicate row. A committed point
 * damaged later (a lost or truncated file, a marker that does not parse: {@link CampaignDamage}) is uncommitted by
 * {@link #discard} and computed again.
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

    /** A point's commit marker: its replica count and the names of its files in {@code raw/point_id=<id>/}. */
    record Marker(int replicas, List<String> files) {
        Marker {
            if (replicas < 1 || files.isEmpty()) {
                throw new IllegalArgumentException("a marker names at least one replica and one file, got "
                        + replicas + " replicas and files " + files);
            }
            files = List.copyOf(files);
        }

        /**
         * @throws com.typesafe.config.ConfigException when the file does not parse or lacks a key
         * @throws IllegalArgumentException            when it names no replica or no file
         */
        static Marker read(Path file) {
            Config marker = ConfigFactory.parseFile(file.toFile());
            return new Marker(marker.getInt("replicas"), marker.getStringList("files"));
        }

        /** The marker, or empty when it is damaged ({@link CampaignDamage} says how). */
        static Optional<Marker> readIfSound(Path file) {
            try {
                return Optional.of(read(file));
            } catch (ConfigException | IllegalArgumentException damaged) {
                return Optional.empty();
            }
        }
    }

    /** The marker file of a point, whether or not it exists. */
    Path marker(String pointId) {
        return markers.resolve(pointId + ".json");
    }

    /** The directory of a point's rows, whether or not it exists. */
    Path directory(String pointId) {
        return raw.resolve(PREFIX + pointId);
    }

    /** The ids of the points that have a marker, sorted. */
    List<String> markedPoints() {
        return ids(markers, name -> name.endsWith(".json") ? name.substring(0, name.length() - 5) : null);
    }

    /** The ids of the points that have a directory in {@code raw}, sorted. */
    List<String> pointDirectories() {
        return ids(raw, name -> name.startsWith(PREFIX) ? name.substring(PREFIX.length()) : null);
    }

    /** Committed replicas per point id. */
    Map<String, Integer> committed() {
        Map<String, Integer> replicas = new HashMap<>();
        for (String id : markedPoints()) {
            replicas.put(id, Marker.read(marker(id)).replicas());
        }
        return replicas;
    }

    /**
     * Removes what a killed run left: the staging and trash directories, point directories without a marker, and
     * files of a committed point that its marker does not name (a point whose marker is damaged is left to
     * {@link #discard}).
     */
    void clean() {
        delete(raw.resolve(STAGING));
        delete(raw.resolve(TRASH));
        for (String id : pointDirectories()) {
            Path dir = directory(id);
            if (!Files.exists(marker(id))) {
                delete(dir);
                continue;
            }
            Marker.readIfSound(marker(id)).ifPresent(marker -> {
                Set<String> files = new HashSet<>(marker.files());
                list(dir).stream().filter(file -> !files.contains(file.getFileName().toString()))
                        .forEach(PointCommits::delete);
            });
        }
    }

    /**
     * Uncommits points: each loses its marker, then its directory (a run killed in between leaves a directory without
     * a marker, which {@link #clean} removes), so the next sweep computes them again.
     */
    void discard(Collection<String> pointIds) {
        for (String id : pointIds) {
            delete(marker(id));
            delete(directory(id));
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
            throw StorageFailure.cannotWrite(raw, e);
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
        JsonFiles.write(marker(pointId), content, false);
    }

    private static List<String> ids(Path dir, UnaryOperator<String> idOfName) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        return list(dir).stream().map(p -> idOfName.apply(p.getFileName().toString())).filter(Objects::nonNull)
                .sorted().toList();
    }

    static List<Path> list(Path dir) {
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
