package org.critsweep.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.critsweep.grid.Campaign;
import org.critsweep.grid.BadInputException;

/**
 * Where a run writes: {@code campaign.output} resolved against the working directory and normalised, so that the path
 * printed is the path written, whatever {@code ..} or relative form the file used.
 *
 * @param path absolute and normalised
 */
record OutputLocation(Path path) {

    /**
     * @throws BadInputException naming {@code campaign.output} when it is not a path, or when it or a directory above
     *                           it is a symbolic link that does not resolve (a loop, or a missing target)
     */
    static OutputLocation of(Campaign campaign) {
        Path path;
        try {
            path = Path.of(campaign.output()).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            throw new BadInputException("campaign.output", "not a valid path: " + e.getMessage());
        }
        for (Path p = path; p != null; p = p.getParent()) {
            if (Files.isSymbolicLink(p) && !Files.exists(p)) {
                throw brokenLink(path, p);
            }
        }
        return new OutputLocation(path);
    }

    /** A link that does not resolve: it loops (too many levels of links), or the file it names does not exist. */
    private static BadInputException brokenLink(Path output, Path link) {
        String target = linkTarget(link);
        boolean loops;
        try {
            link.toRealPath();
            loops = false;
        } catch (NoSuchFileException missing) {
            loops = false;
        } catch (IOException tooManyLevels) {
            loops = true;
        }
        return new BadInputException("campaign.output", (link.equals(output) ? "" : output + ": ") + link
                + " is a symbolic link to " + target + (loops ? ", which loops (too many levels of symbolic links);"
                : ", which does not exist; create it, or") + " choose another campaign.output");
    }

    private static String linkTarget(Path link) {
        try {
            return Files.readSymbolicLink(link).toString();
        } catch (IOException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }

    /**
     * Refuses a directory the run could not write, before anything is written: an existing one must be writable, a
     * missing one creatable — its nearest existing ancestor a directory in which an entry can be made.
     *
     * @throws BadInputException naming {@code campaign.output}
     */
    void checkWritable() {
        Path existing = path;
        while (!Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (!Files.isDirectory(existing)) {
            throw new BadInputException("campaign.output", "cannot create " + path + ": " + existing
                    + " is a file, not a directory; choose another campaign.output");
        }
        boolean exists = existing.equals(path);
        if (!(exists ? Files.isWritable(path) : canCreateIn(existing))) {
            throw new BadInputException("campaign.output", (exists ? "" : "cannot create " + path + ": ") + existing
                    + " is not writable; choose another campaign.output");
        }
    }

    /**
     * Whether an entry can be made in the directory, found by making one and removing it: permission bits do not
     * bind root, and say nothing of file systems such as /proc.
     */
    private static boolean canCreateIn(Path directory) {
        try {
            Files.delete(Files.createTempDirectory(directory, ".critsweep-probe"));
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
