package org.critsweep.spark;

import com.typesafe.config.ConfigException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * What is damaged in a campaign's outputs, from file names, sizes, Parquet footers and the small JSON files only (no
 * Spark, so {@code status} stays instant):
 * <ul>
 *   <li>the manifest does not parse, or lacks its name, configuration or hash;</li>
 *   <li>a point's marker does not parse; its directory, or a file it names, is missing; a named file is empty or not a
 *       whole Parquet file ({@link ParquetFooter}); its directory holds a data file the marker does not name (left by
 *       a killed commit: readers would see rows that were never committed); a point directory has no marker;</li>
 *   <li>a table other than {@code raw} has no {@code _SUCCESS} (its last write did not finish) or a part file that is
 *       not a whole Parquet file.</li>
 * </ul>
 * A run repairs all of it: it removes what a killed run leaves (a point directory without marker, files a marker does
 * not name), uncommits the other damaged points and computes them again, and rewrites the other tables and the
 * manifest.
 */
public final class CampaignDamage {

    /** Damaged points a refusal names one by one; the rest are counted. */
    private static final int POINTS_NAMED = 5;

    private CampaignDamage() {
    }

    /** Every damage, the manifest's first, then the points' by id, then the tables'. */
    public static List<Damage> find(CampaignStore store) {
        List<Damage> found = new ArrayList<>();
        store.manifestProblem().ifPresent(problem -> found.add(new Damage(Damage.Part.MANIFEST, "manifest",
                store.root().relativize(store.manifestFile()), "does not parse (" + problem + ")")));
        findInPoints(store, found);
        for (String table : Tables.ALL) {
            if (!table.equals(Tables.RAW) && store.hasTable(table)) {
                findInTable(store, table, found);
            }
        }
        return found;
    }

    /** The ids of the damaged points, sorted. */
    static SortedSet<String> points(List<Damage> damage) {
        return damage.stream().filter(d -> d.part() == Damage.Part.POINT).map(Damage::name)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /**
     * Refuses to let a stage read damaged outputs.
     *
     * @param tables the tables the stage reads
     * @param stage  the stage, as the message names it
     * @throws CampaignFailure listing the damaged points (the first few, and how many) and tables
     */
    public static void requireIntact(CampaignStore store, Collection<String> tables, String stage) {
        List<Damage> damage = find(store).stream().filter(d -> d.affects(tables)).toList();
        if (!damage.isEmpty()) {
            throw new CampaignFailure(store.root() + " has damaged outputs, which " + stage + " would read: "
                    + summary(damage) + ". `critsweep status " + store.root() + "` says what is wrong; rerunning the"
                    + " campaign (critsweep run with its campaign file) recomputes the damaged points and rewrites the"
                    + " rest");
        }
    }

    /** E.g. {@code 7 damaged points (a, b, c, d, e and 2 more), table curves, the manifest}. */
    static String summary(List<Damage> damage) {
        List<String> parts = new ArrayList<>();
        List<String> points = List.copyOf(points(damage));
        if (!points.isEmpty()) {
            parts.add(points.size() + " damaged point" + (points.size() == 1 ? "" : "s") + " ("
                    + String.join(", ", points.subList(0, Math.min(POINTS_NAMED, points.size())))
                    + (points.size() > POINTS_NAMED ? " and " + (points.size() - POINTS_NAMED) + " more" : "") + ")");
        }
        damage.stream().filter(d -> d.part() == Damage.Part.TABLE).map(d -> "table " + d.name()).distinct()
                .forEach(parts::add);
        if (damage.stream().anyMatch(d -> d.part() == Damage.Part.MANIFEST)) {
            parts.add("the manifest");
        }
        return String.join(", ", parts);
    }

    private static void findInPoints(CampaignStore store, List<Damage> all) {
        List<Damage> found = new ArrayList<>();
        PointCommits commits = new PointCommits(store);
        for (String id : commits.markedPoints()) {
            Path marker = commits.marker(id);
            PointCommits.Marker named;
            try {
                named = PointCommits.Marker.read(marker);
            } catch (ConfigException e) {
                found.add(point(store, id, marker, "does not parse (" + JsonFiles.parseError(e, marker) + ")"));
                continue;
            } catch (IllegalArgumentException e) {
                found.add(point(store, id, marker, "does not parse (" + e.getMessage() + ")"));
                continue;
            }
            Path dir = commits.directory(id);
            if (!Files.isDirectory(dir)) {
                found.add(point(store, id, dir, "is missing (the point's marker commits " + named.replicas()
                        + " replicas to it)"));
                continue;
            }
            for (String name : named.files()) {
                Path file = dir.resolve(name);
                (Files.isRegularFile(file) ? ParquetFooter.problem(file) : Optional.of("is missing (the point's"
                        + " marker names it)")).ifPresent(problem -> found.add(point(store, id, file, problem)));
            }
            dataFiles(dir).stream().filter(f -> !named.files().contains(f.getFileName().toString()))
                    .forEach(f -> found.add(point(store, id, f, "is not named by the point's marker (left by a"
                            + " killed commit)")));
        }
        for (String id : commits.pointDirectories()) {
            if (!Files.exists(commits.marker(id))) {
                found.add(point(store, id, commits.directory(id), "has no commit marker (left by a killed run, or"
                        + " its marker was lost)"));
            }
        }
        found.sort(Comparator.comparing(Damage::name));
        all.addAll(found);
    }

    private static void findInTable(CampaignStore store, String table, List<Damage> found) {
        Path dir = Path.of(store.table(table));
        if (!Files.exists(dir.resolve("_SUCCESS"))) {
            found.add(new Damage(Damage.Part.TABLE, table, store.root().relativize(dir),
                    "is incomplete (no _SUCCESS: its last write did not finish)"));
        }
        for (Path file : dataFiles(dir)) {
            ParquetFooter.problem(file).ifPresent(problem -> found.add(new Damage(Damage.Part.TABLE, table,
                    store.root().relativize(file), problem)));
        }
    }

    private static Damage point(CampaignStore store, String id, Path path, String problem) {
        return new Damage(Damage.Part.POINT, id, store.root().relativize(path), problem);
    }

    /** The files a Parquet reader would read: regular files whose names do not start with {@code .} or {@code _}. */
    private static List<Path> dataFiles(Path dir) {
        return PointCommits.list(dir).stream().filter(Files::isRegularFile).filter(f -> {
            String name = f.getFileName().toString();
            return !name.startsWith(".") && !name.startsWith("_");
        }).sorted().toList();
    }

}
