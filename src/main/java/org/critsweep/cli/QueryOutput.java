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
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.critsweep.grid.BadInputException;

/**
 * Where {@code sql} writes its result: standard output, or {@code --out}, which appears only complete — the result is
 * written beside it under a hidden name and moved into place, so a query that fails leaves nothing behind. An
 * existing {@code --out} is replaced only with {@code --overwrite}, and only when it is a file or a directory an
 * earlier {@code --format parquet} wrote (it holds Spark's {@code _SUCCESS}); nothing is ever written inside a
 * campaign's directory, whose tables are also Spark's directories, not even through a symbolic link.
 */
final class QueryOutput {

    enum Format { table, csv, json, parquet }

    private final Format format;
    private final Path out;

    /**
     * Checks the destination before any query runs.
     *
     * @param out the file or directory to write, or null for standard output
     */
    QueryOutput(Format format, Path out, boolean overwrite) {
        this.format = format;
        this.out = out == null ? null : out.toAbsolutePath().normalize();
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

    void write(Dataset<Row> result, Writer stdout) throws IOException {
        if (out == null) {
            text(result, stdout);
            stdout.flush();
            return;
        }
        Path partial = out.resolveSibling("." + out.getFileName() + ".partial-" + UUID.randomUUID());
        try {
            if (format == Format.parquet) {
                result.write().parquet(partial.toString());
            } else {
                try (Writer file = Files.newBufferedWriter(partial)) {
                    text(result, file);
                }
            }
            delete(out);
            Files.move(partial, out, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            delete(partial);
        }
    }

    private void text(Dataset<Row> result, Writer writer) throws IOException {
        switch (format) {
            case table -> ResultFormats.table(result, writer);
            case csv -> ResultFormats.csv(result, writer);
            case json -> ResultFormats.jsonLines(result, writer);
            case parquet -> throw new IllegalStateException("parquet is written by Spark, not as text");
        }
    }

    /** Deletes a file or a directory tree (Hadoop's, which Spark brings: it never follows a symbolic link). */
    private static void delete(Path path) {
        if (Files.exists(path, LinkOption.NOFOLLOW_LINKS) && !FileUtil.fullyDelete(path.toFile())) {
            throw new UncheckedIOException(new IOException("cannot delete " + path));
        }
    }
}
