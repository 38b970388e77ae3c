package org.critsweep.store;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Optional;
import java.util.Set;

/**
 * Writes that fail for the storage's sake — a full disk, an I/O error, a directory that vanished — as one line naming
 * what could not be written and the system's reason ({@code cannot write /runs/x/raw/_staging/batch-3: No space left
 * on device}). Spark wraps an executor's I/O error in layers (the job, the task, Hadoop's {@code FSError}); the reason
 * is that of the innermost {@link IOException}. Whatever a run committed before the failure stays committed.
 */
public final class StorageFailure {

    private static final String ADVICE = " (free space or fix the file system, then rerun: what was committed is kept)";

    private StorageFailure() {
    }

    static CampaignFailure cannotWrite(Object target, IOException cause) {
        return new CampaignFailure("cannot write " + target + ": " + reason(cause) + ADVICE, cause);
    }

    /**
     * Runs a write; a failure caused by an I/O error becomes {@link #cannotWrite}, any other failure (a bug, a
     * numerical fault in a task) passes unchanged.
     */
    public static void guard(Object target, Runnable write) {
        try {
            write.run();
        } catch (Exception e) {  // Spark throws its checked SparkException undeclared
            Optional<IOException> io = innermostIoCause(e);
            if (io.isPresent()) {
                throw cannotWrite(target, io.get());
            }
            throw e;
        }
    }

    /** The system's words for an I/O error: "No space left on device", or the exception's kind where it has none. */
    static String reason(IOException e) {
        String reason = e instanceof FileSystemException fs ? fs.getReason() : e.getMessage();
        return reason == null || reason.isBlank() ? e.getClass().getSimpleName() : reason;
    }

    private static Optional<IOException> innermostIoCause(Throwable failure) {
        IOException innermost = null;
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable t = failure; t != null && seen.add(t); t = t.getCause()) {
            if (t instanceof IOException io) {
                innermost = io;
            }
        }
        return Optional.ofNullable(innermost);
    }
}
