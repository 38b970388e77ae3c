package org.critsweep.spark;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.apache.hadoop.fs.permission.FsPermission;
import org.apache.hadoop.util.Progressable;
import org.apache.spark.sql.SparkSession;

/**
 * The local file system with a disk that fills up: once {@link #install}ed as Spark's {@code file:} file system, the
 * files created under one directory may hold a given number of bytes in all; the write that would exceed it, and
 * every later one, fails with "No space left on device" and leaves its file partial (a real local disk reports the same
 * words, wrapped by Hadoop in an {@code FSError}: the tmpfs check in docs/ERRORS.md). State is static because Hadoop instantiates file systems by class name; Spark tests run one at a time.
 */
public final class FullDiskFileSystem extends RawLocalFileSystem {

    private static final String IMPL = "fs.file.impl";
    private static final String NO_CACHE = "fs.file.impl.disable.cache";
    private static final AtomicLong FREE = new AtomicLong();
    private static volatile String under = "/nonexistent";

    /** A Hadoop file system needs a public constructor without arguments. */
    public FullDiskFileSystem() {
    }

    /** The installation; {@link #close} gives the session its own file system back. */
    public static final class Installed implements AutoCloseable {
        private final Configuration conf;
        private final String impl;
        private final String noCache;

        private Installed(Configuration conf) {
            this.conf = conf;
            this.impl = conf.get(IMPL);
            this.noCache = conf.get(NO_CACHE);
        }

        @Override
        public void close() {
            restore(IMPL, impl);
            restore(NO_CACHE, noCache);
            under = "/nonexistent";
        }

        private void restore(String key, String value) {
            if (value == null) {
                conf.unset(key);
            } else {
                conf.set(key, value);
            }
        }
    }

    /**
     * @param directory the directory whose files share the space (absolute)
     * @param freeBytes the bytes they may write in all
     */
    public static Installed install(SparkSession spark, java.nio.file.Path directory, long freeBytes) {
        Configuration conf = spark.sparkContext().hadoopConfiguration();
        Installed installed = new Installed(conf);
        FREE.set(freeBytes);
        under = directory.toAbsolutePath().toString();
        conf.set(IMPL, FullDiskFileSystem.class.getName());
        conf.set(NO_CACHE, "true");
        return installed;
    }

    @Override
    public FSDataOutputStream create(Path f, boolean overwrite, int bufferSize, short replication, long blockSize,
                                     Progressable progress) throws IOException {
        return limited(f, super.create(f, overwrite, bufferSize, replication, blockSize, progress));
    }

    @Override
    public FSDataOutputStream create(Path f, FsPermission permission, boolean overwrite, int bufferSize,
                                     short replication, long blockSize, Progressable progress) throws IOException {
        return limited(f, super.create(f, permission, overwrite, bufferSize, replication, blockSize, progress));
    }

    @Override
    public FSDataOutputStream createNonRecursive(Path f, FsPermission permission, boolean overwrite, int bufferSize,
                                                 short replication, long blockSize, Progressable progress)
            throws IOException {
        return limited(f, super.createNonRecursive(f, permission, overwrite, bufferSize, replication, blockSize,
                progress));
    }

    private FSDataOutputStream limited(Path f, FSDataOutputStream out) throws IOException {
        if (!pathToFile(f).getAbsolutePath().startsWith(under)) {
            return out;
        }
        return new FSDataOutputStream(new FilterOutputStream(out) {
            @Override
            public void write(int b) throws IOException {
                spend(1);
                out.write(b);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                spend(len);
                out.write(b, off, len);
            }
        }, statistics);
    }

    private static void spend(int bytes) throws IOException {
        if (FREE.addAndGet(-bytes) < 0) {
            throw new IOException("No space left on device");
        }
    }
}
