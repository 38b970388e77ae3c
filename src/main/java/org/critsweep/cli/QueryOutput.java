package org.critsweep.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.UUID;
import org.apache.hadoop.fs.FileUtil;
import org.critsweep.grid.BadInputException;
import org.critsweep.query.QueryEngine;
import org.critsweep.query.ResultRows;

/**
 * Where {@code sql} writes its result: standard output, or {@code --out}, which appears only complete — the result is
 * written beside it under a hidden name and moved into place, so a query that fails leaves nothing behind. An
 * existing {@code --out} is replaced only with {@code --overwrite}, and only when it is a file or a directory an
 * earlier {@code --format parquet} wrote (it holds a {@code _SUCCESS} marker, as Spark's writes do); nothing is ever
 * written inside a campaign's directory, whose tables are also Spark's directories, not even through a symbolic link.
 */
final class QueryOutput {

    enum Format { table, csv, json, parquet }

    /** The rows a table shows on a terminal when {@code --limit} is not given. */
    static final int TERMINAL_ROWS = 50;

    private final Format format;
    private final Path out;
    private final long limit;

    /**
     * Checks the destination and the limit before any query runs.
     *
     * @param out      the file or directory to write, or null for standard output
     * @param limit    {@code --limit}, or null for the default: {@value #TERMINAL_ROWS} rows of a table on a terminal,
     *                 else {@link ResultFormats#TABLE_ROWS}; every row in csv and json
     * @param terminal whether standard output is a terminal
     */
    QueryOutput(Format format, Path out, boolean overwrite, Integer limit, boolean terminal) {
        this.format = format;
        this.out = out == null ? null : out.toAbsolutePath().normalize();
        this.limit = limit(format, limit, terminal && out == null);
        if (out == null) {
            if (format == Format.parquet) {
                throw new BadInputException("--out", "--format parquet writes a directory: give its path with --out");
            }
            if (overwrite) {
                throw new BadInputException("--overwrite", "applies only with --out");
            }
            return;
        }
        Path parent = this.out.getParent();
        if (!Files.isDirectory(parent)) {
            throw new BadInputException("--out", "directory " + parent + " does not exist");
        }
        for (Path dir = realPath(this.out); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("_campaign"))) {
                throw new BadInputException("--out", out + " is inside campaign " + dir
                        + "; sql never writes into a campaign's directory");
            }
        }
        if (Files.exists(this.out) && !overwrite) {
            throw new BadInputException("--out", out + " exists; choose another path, or pass --overwrite");
        }
        boolean replaceable = Files.isRegularFile(this.out)
                || format == Format.parquet && Files.isRegularFile(this.out.resolve("_SUCCESS"));
        if (Files.exists(this.out) && !replaceable) {
            throw new BadInputException("--out", out + " is a directory that --format parquet did not write;"
                    + " --overwrite replaces only files and earlier parquet results");
        }
    }

    private static long limit(Format format, Integer limit, boolean terminal) {
        if (limit != null && format == Format.parquet) {
            throw new BadInputException("--limit", "applies to --format table, csv and json; for parquet put a LIMIT"
                    + " in the query");
        }
        int most = format == Format.table ? ResultFormats.TABLE_ROWS : Integer.MAX_VALUE;
        if (limit != null && (limit < 1 || limit > most)) {
            throw new BadInputException("--limit", "expected an integer in [1, " + most + "], got " + limit
                    + (format == Format.table ? " (a table holds its rows to align them; --format csv or json"
                    + " streams any number)" : ""));
        }
        if (limit != null) {
            return limit;
        }
        return format != Format.table ? Long.MAX_VALUE : terminal ? TERMINAL_ROWS : ResultFormats.TABLE_ROWS;
    }

    /**
     * Where a write to {@code path} lands: the real path (every symbolic link resolved) of its nearest existing
     * ancestor, or of itself, with the missing rest appended; a link into a campaign is thus seen as inside it.
     */
    private static Path realPath(Path path) {
        Path existing = path;
        while (!Files.exists(existing)) {
            existing = existing.getParent();
        }
        try {
            return existing.toRealPath().resolve(existing.relativize(path));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot resolve " + existing, e);
        }
    }

    /** Runs the query on the engine and writes its result. */
    void write(QueryEngine engine, String query, Writer stdout) throws IOException {
        if (out == null) {
            text(engine, query, stdout);
            stdout.flush();
            return;
        }
        Path partial = out.resolveSibling("." + out.getFileName() + ".partial-" + UUID.randomUUID());
        try {
            if (format == Format.parquet) {
                engine.writeParquet(query, partial);
            } else {
                try (Writer file = Files.newBufferedWriter(partial)) {
                    text(engine, query, file);
                }
            }
            delete(out);
            Files.move(partial, out, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            delete(partial);
        }
    }

    private void text(QueryEngine engine, String query, Writer writer) throws IOException {
        try (ResultRows rows = engine.query(query)) {
            switch (format) {
                case table -> ResultFormats.table(rows, (int) limit, writer);
                case csv -> ResultFormats.csv(rows, limit, writer);
                case json -> ResultFormats.jsonLines(rows, limit, writer);
                case parquet -> throw new IllegalStateException("parquet is written by the engine, not as text");
            }
        }
    }

    /** Deletes a file or a directory tree (Hadoop's, which Spark brings: it never follows a symbolic link). */
    private static void delete(Path path) {
        if (Files.exists(path, LinkOption.NOFOLLOW_LINKS) && !FileUtil.fullyDelete(path.toFile())) {
            throw new UncheckedIOException(new IOException("cannot delete " + path));
        }
    }
}
