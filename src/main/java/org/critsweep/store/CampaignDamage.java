package org.critsweep.store;

import static org.critsweep.store.CampaignFileSystem.child;

import com.typesafe.config.ConfigException;
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
 *   <li>a table other than {@code raw} is missing from a campaign whose manifest records a complete run;</li>
 *   <li>a table other than {@code raw} has no {@code _SUCCESS} (its last write did not finish) or a part file that is
 *       not a whole Parquet file (such a table is not read: {@link CampaignStore#hasTable});</li>
 *   <li>a table's temporary directory is left ({@code curves.tmp-<id>}, {@link CampaignStore#replaceTable}).</li>
 * </ul>
 * A run repairs all of it: it removes what a killed run leaves (a point directory without marker, files a marker does
 * not name, temporary tables), uncommits the other damaged points and computes them again, and rewrites the other tables and the
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
                Path.of(CampaignStore.MANIFEST), "does not parse (" + problem + ")")));
        findInPoints(store, found);
        boolean complete = store.manifest().map(m -> m.hasPath("status") && m.getString("status").equals("complete"))
                .orElse(false);
        for (String table : TableNames.ALL) {
            if (!table.equals(TableNames.RAW) && store.files().isDirectory(table)) {
                findInTable(store, table, found);
            } else if (!table.equals(TableNames.RAW) && complete) {
                found.add(new Damage(Damage.Part.TABLE, table, Path.of(table), "is missing, though the manifest"
                        + " records a complete run: rebuilt by run"));
            }
        }
        List<String> entries = store.files().isDirectory("") ? store.list("") : List.of();
        entries.stream().filter(TableNames::isTemporary).sorted().forEach(entry -> found.add(new Damage(
                Damage.Part.TABLE, entry, Path.of(entry), "is " + TableNames.ofTemporary(entry) + " half written by a"
                        + " killed run: removed by run")));
        return found;
    }

    /** The ids of the damaged points, sorted. */
    public static SortedSet<String> points(List<Damage> damage) {
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
    public static String summary(List<Damage> damage) {
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
        CampaignFileSystem files = store.files();
        PointCommits commits = new PointCommits(store);
        for (String id : commits.markedPoints()) {
            String marker = PointCommits.markerPath(id);
            PointCommits.Marker named;
            try {
                named = PointCommits.Marker.read(files, marker);
            } catch (ConfigException e) {
                found.add(point(id, marker, "does not parse (" + JsonFiles.parseError(e, files.location(marker))
                        + ")"));
                continue;
            } catch (IllegalArgumentException e) {
                found.add(point(id, marker, "does not parse (" + e.getMessage() + ")"));
                continue;
            }
            String dir = PointCommits.directoryPath(id);
            if (!files.isDirectory(dir)) {
                found.add(point(id, dir, "is missing (the point's marker commits " + named.replicas()
                        + " replicas to it)"));
                continue;
            }
            for (String name : named.files()) {
                String file = child(dir, name);
                (files.isFile(file) ? ParquetFooter.problem(files, file) : Optional.of("is missing (the point's"
                        + " marker names it)")).ifPresent(problem -> found.add(point(id, file, problem)));
            }
            dataFiles(store, dir).stream().filter(f -> !named.files().contains(f))
                    .forEach(f -> found.add(point(id, child(dir, f), "is not named by the point's marker (left by a"
                            + " killed commit)")));
        }
        for (String id : commits.pointDirectories()) {
            if (!files.exists(PointCommits.markerPath(id))) {
                found.add(point(id, PointCommits.directoryPath(id), "has no commit marker (left by a killed run, or"
                        + " its marker was lost)"));
            }
        }
        found.sort(Comparator.comparing(Damage::name));
        all.addAll(found);
    }

    private static void findInTable(CampaignStore store, String table, List<Damage> found) {
        CampaignFileSystem files = store.files();
        if (!files.exists(child(table, "_SUCCESS"))) {
            found.add(new Damage(Damage.Part.TABLE, table, Path.of(table),
                    "is incomplete (no _SUCCESS: its last write did not finish): rebuilt by run"));
        }
        for (String name : dataFiles(store, table)) {
            String file = child(table, name);
            ParquetFooter.problem(files, file).ifPresent(problem -> found.add(new Damage(Damage.Part.TABLE, table,
                    Path.of(file), problem)));
        }
    }

    private static Damage point(String id, String path, String problem) {
        return new Damage(Damage.Part.POINT, id, Path.of(path), problem);
    }

    /**
     * The names of the files a Parquet reader would read: regular files whose names do not start with {@code .} or
     * {@code _}, sorted.
     */
    private static List<String> dataFiles(CampaignStore store, String dir) {
        return store.list(dir).stream().filter(name -> !name.startsWith(".") && !name.startsWith("_"))
                .filter(name -> store.files().isFile(child(dir, name))).sorted().toList();
    }
}
