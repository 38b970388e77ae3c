package org.critsweep.spark;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Text files written atomically (a temporary file, then a rename): a reader sees the old file or the new one. */
final class AtomicFiles {

    private AtomicFiles() {
    }

    /** @throws CampaignFailure when the file cannot be written (a full disk): the old file, if any, is intact */
    static void write(Path target, String text) {
        Path temporary = target.resolveSibling(target.getFileName() + ".tmp");
        try {
            Files.createDirectories(target.getParent());
            Files.writeString(temporary, text, StandardCharsets.UTF_8);
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            try {
                Files.deleteIfExists(temporary);
            } catch (IOException alsoFailed) {
                e.addSuppressed(alsoFailed);
            }
            throw StorageFailure.cannotWrite(target, e);
        }
    }
}
