package org.critsweep.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** Files written atomically (a temporary file, then a rename): a reader sees the old file or the new one. */
final class AtomicFiles {

    private AtomicFiles() {
    }

    /** @throws CampaignFailure when the file cannot be written (a full disk): the old file, if any, is intact */
    static void write(CampaignFileSystem files, String file, String text) {
        write(files, file, text.getBytes(StandardCharsets.UTF_8));
    }

    /** @throws CampaignFailure when the file cannot be written (a full disk): the old file, if any, is intact */
    static void write(CampaignFileSystem files, String file, byte[] content) {
        try {
            files.writeAtomically(file, content);
        } catch (IOException e) {
            throw StorageFailure.cannotWrite(files.location(file), e);
        }
    }
}
