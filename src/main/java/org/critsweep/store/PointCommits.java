package org.critsweep.store;

import static org.critsweep.store.CampaignFileSystem.child;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

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
public final class PointCommits {

    private static final String STAGING = child(TableNames.RAW, "_staging");
    private static final String TRASH = child(TableNames.RAW, "_trash");
    private static final String MARKERS = "_campaign/points";
    private static final String PREFIX = "point_id=";

    private final CampaignStore store;
    private final CampaignFileSystem files;

    public PointCommits(CampaignStore store) {
        this.store = store;
        this.files = store.files();
    }

    /** Where Spark writes one batch, as Spark takes it. */
    public String staging(int batch) {
        return files.location(stagingPath(batch));
    }

    private static String stagingPath(int batch) {
        return child(STAGING, "batch-" + batch);
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
        static Marker read(CampaignFileSystem files, String file) {
            Config marker = JsonFiles.read(files, file);
            return new Marker(marker.getInt("replicas"), marker.getStringList("files"));
        }

        /** The marker, or empty when it is damaged ({@link CampaignDamage} says how). */
        static Optional<Marker> readIfSound(CampaignFileSystem files, String file) {
            try {
                return Optional.of(read(files, file));
            } catch (ConfigException | IllegalArgumentException damaged) {
                return Optional.empty();
            }
        }
    }

    /** The marker file of a point on the local file system, whether or not it exists. */
    public Path marker(String pointId) {
        return store.root().resolve(markerPath(pointId));
    }

    /** The directory of a point's rows on the local file system, whether or not it exists. */
    public Path directory(String pointId) {
        return store.root().resolve(directoryPath(pointId));
    }

    static String markerPath(String pointId) {
        return child(MARKERS, pointId + ".json");
    }

    static String directoryPath(String pointId) {
        return child(TableNames.RAW, PREFIX + pointId);
    }

    /** The ids of the points that have a marker, sorted. */
    List<String> markedPoints() {
        return ids(MARKERS, name -> name.endsWith(".json") ? name.substring(0, name.length() - 5) : null);
    }

    /** The ids of the points that have a directory in {@code raw}, sorted. */
    List<String> pointDirectories() {
        return ids(TableNames.RAW, name -> name.startsWith(PREFIX) ? name.substring(PREFIX.length()) : null);
    }

    /** Committed replicas per point id. */
    public Map<String, Integer> committed() {
        Map<String, Integer> replicas = new HashMap<>();
        for (String id : markedPoints()) {
            replicas.put(id, Marker.read(files, markerPath(id)).replicas());
        }
        return replicas;
    }

    /**
     * Removes what a killed run left: the staging and trash directories, point directories without a marker, and
     * files of a committed point that its marker does not name (a point whose marker is damaged is left to
     * {@link #discard}).
     */
    public void clean() {
        delete(STAGING);
        delete(TRASH);
        for (String id : pointDirectories()) {
            String dir = directoryPath(id);
            if (!files.exists(markerPath(id))) {
                delete(dir);
                continue;
            }
            Marker.readIfSound(files, markerPath(id)).ifPresent(marker -> {
                Set<String> named = new HashSet<>(marker.files());
                store.list(dir).stream().filter(file -> !named.contains(file))
                        .forEach(file -> delete(child(dir, file)));
            });
        }
    }

    /**
     * Uncommits points: each loses its marker, then its directory (a run killed in between leaves a directory without
     * a marker, which {@link #clean} removes), so the next sweep computes them again.
     */
    public void discard(Collection<String> pointIds) {
        for (String id : pointIds) {
            delete(markerPath(id));
            delete(directoryPath(id));
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
    public void commit(int batch, Map<String, Integer> replicas) {
        String staging = stagingPath(batch);
        try {
            for (Map.Entry<String, Integer> point : replicas.entrySet()) {
                String staged = child(staging, PREFIX + point.getKey());
                String target = directoryPath(point.getKey());
                if (files.isDirectory(target)) {
                    for (String old : store.list(target)) {
                        files.move(child(target, old), child(staged, old));
                    }
                    files.createDirectories(TRASH);
                    files.move(target, child(TRASH, point.getKey()));
                }
                files.move(staged, target);
                writeMarker(point.getKey(), point.getValue(), store.list(target).stream()
                        .filter(f -> !f.startsWith(".")).sorted().toList());
            }
            delete(TRASH);
            delete(staging);
        } catch (IOException e) {
            throw StorageFailure.cannotWrite(files.location(TableNames.RAW), e);
        }
    }

    /** Removes the (by now empty) staging root once every batch is committed. */
    public void finish() {
        delete(STAGING);
    }

    private void writeMarker(String pointId, int replicas, List<String> named) {
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("replicas", replicas);
        content.put("files", named);
        JsonFiles.write(files, markerPath(pointId), content, false);
    }

    private List<String> ids(String dir, UnaryOperator<String> idOfName) {
        if (!files.isDirectory(dir)) {
            return List.of();
        }
        return store.list(dir).stream().map(idOfName).filter(Objects::nonNull).sorted().toList();
    }

    private void delete(String path) {
        try {
            files.delete(path);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + files.location(path), e);
        }
    }
}
