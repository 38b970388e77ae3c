package org.critsweep.query;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.critsweep.store.CampaignStore;
import org.critsweep.store.TableNames;

/**
 * The data files of a campaign's table as Spark reads them: every file of the table's directory whose name does not
 * start with {@code _} or {@code .} (Spark's {@code _SUCCESS}, checksums, a running campaign's {@code raw/_staging}),
 * for {@code raw} in its {@code point_id=<id>} partition directories. Listed here, not globbed by DuckDB, whose glob
 * matches hidden files and reads {@code [} in a directory's name as a pattern.
 */
final class ParquetFiles {

    /** The partition directories of {@code raw}: {@code point_id=<id>}. */
    static final String PARTITION = "point_id=";

    private ParquetFiles() {
    }

    /** The table's data files, sorted; none when the campaign does not have the table whole. */
    static List<Path> of(CampaignStore store, String table) {
        if (!store.hasTable(table)) {
            return List.of();
        }
        Path directory = store.root().resolve(table);
        if (!table.equals(TableNames.RAW)) {
            return visible(directory, Files::isRegularFile);
        }
        List<Path> files = new ArrayList<>();
        for (Path partition : visible(directory, p -> Files.isDirectory(p)
                && p.getFileName().toString().startsWith(PARTITION))) {
            files.addAll(visible(partition, Files::isRegularFile));
        }
        return files;
    }

    private static List<Path> visible(Path directory, java.util.function.Predicate<Path> kind) {
        try (Stream<Path> entries = Files.list(directory)) {
            return entries.filter(p -> !hidden(p.getFileName().toString())).filter(kind).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + directory, e);
        }
    }

    private static boolean hidden(String name) {
        return name.startsWith("_") || name.startsWith(".");
    }
}
