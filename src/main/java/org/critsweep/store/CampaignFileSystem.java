package org.critsweep.store;

import java.io.IOException;
import java.util.List;

/**
 * The file operations a campaign's storage needs, on one campaign directory. Every path is relative to that
 * directory and {@code /}-separated ({@code raw/point_id=1f0c}, {@code _campaign/lock}); {@code ""} is the directory
 * itself. {@link LocalFileSystem} implements it with {@code java.nio}; a Hadoop {@code FileSystem} (hdfs://, s3a://)
 * can implement it thinly: exists, getFileStatus (is a directory or file, length), listStatus, mkdirs, open (a
 * positioned readFully), create(path, overwrite = false), rename and delete(path, recursive).
 *
 * <p>What the store relies on, and so what an implementation must guarantee:
 * <ul>
 *   <li>{@link #move} renames a file or a whole directory atomically: a reader sees it under the old name or the new
 *       one, never half of it (HDFS's rename does; S3A's rename of a directory copies object by object and does
 *       not);</li>
 *   <li>{@link #writeAtomically}: a reader sees the old file or the new one, never a part (a temporary name, then a
 *       rename over the target: on HDFS {@code FileContext.rename} with {@code OVERWRITE});</li>
 *   <li>{@link #createExclusive} succeeds for one caller only and throws
 *       {@link java.nio.file.FileAlreadyExistsException} for the others (Hadoop's own
 *       {@code FileAlreadyExistsException} translated).</li>
 * </ul>
 * The queries {@link #exists}, {@link #isDirectory} and {@link #isFile} throw no checked exception: an
 * implementation whose queries can fail throws {@link java.io.UncheckedIOException}.
 */
public interface CampaignFileSystem {

    /** Where a path is, as messages and Spark name it: an absolute local path, or a URI. */
    String location(String path);

    boolean exists(String path);

    boolean isDirectory(String path);

    boolean isFile(String path);

    /** The names of a directory's entries, in no particular order. */
    List<String> list(String directory) throws IOException;

    /** Makes a directory and its missing parents; nothing when it exists. */
    void createDirectories(String directory) throws IOException;

    /** A whole file's bytes. */
    byte[] read(String file) throws IOException;

    /** {@code length} bytes from {@code position}; {@link java.io.EOFException} when the file ends before. */
    byte[] read(String file, long position, int length) throws IOException;

    /** A file's length in bytes. */
    long size(String file) throws IOException;

    /**
     * Writes a file (and its missing parents) atomically, replacing an existing one; on failure the old file is
     * intact.
     */
    void writeAtomically(String file, byte[] content) throws IOException;

    /**
     * Creates a file that must not exist yet, with its content; a file it created but cannot fill (a full disk) is
     * removed, not left empty. The parent directory exists.
     *
     * @throws java.nio.file.FileAlreadyExistsException when the file exists
     */
    void createExclusive(String file, byte[] content) throws IOException;

    /** Renames a file or directory atomically; the target does not exist, its parent does. */
    void move(String source, String target) throws IOException;

    /** Deletes a file, or a directory with everything in it; nothing when it does not exist. */
    void delete(String path) throws IOException;

    /** A directory's entry as a path: {@code child("raw", "point_id=1f0c")} is {@code raw/point_id=1f0c}. */
    static String child(String directory, String name) {
        return directory.isEmpty() ? name : directory + "/" + name;
    }
}
