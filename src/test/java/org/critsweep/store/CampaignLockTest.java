package org.critsweep.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.critsweep.grid.BadInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One live run per campaign directory; a killed driver's lock is taken over. */
class CampaignLockTest {

    @TempDir
    Path temp;

    @Test
    void aSecondRunIsRefusedWhileTheFirstHoldsTheLock() {
        CampaignStore store = new CampaignStore(temp);
        try (CampaignLock first = CampaignLock.acquire(store)) {
            BadInputException e = assertThrows(BadInputException.class, () -> CampaignLock.acquire(store));
            assertEquals("campaign.output", e.field());
            assertTrue(e.getMessage().contains("is being run by process " + ProcessHandle.current().pid()),
                    e.getMessage());
        }
        assertFalse(Files.exists(temp.resolve("_campaign/lock")), "released on close");
    }

    @Test
    void aStaleLockOfADeadProcessIsTakenOver() throws Exception {
        CampaignStore store = new CampaignStore(temp);
        Files.createDirectories(temp.resolve("_campaign"));
        long dead = 4_000_000_000L; // above any Linux PID: a driver that was killed
        Files.writeString(temp.resolve("_campaign/lock"), "{ pid = " + dead + ", host = \""
                + java.net.InetAddress.getLocalHost().getHostName() + "\", started = \"2026-11-29T03:00:00Z\" }");
        try (CampaignLock taken = CampaignLock.acquire(store)) {
            assertTrue(Files.readString(temp.resolve("_campaign/lock"))
                    .contains("pid = " + ProcessHandle.current().pid()));
        }
    }

    @Test
    void aHalfWrittenLockIsTakenOver() throws Exception {
        Files.createDirectories(temp.resolve("_campaign"));
        Files.writeString(temp.resolve("_campaign/lock"), "{ pid = ");
        try (CampaignLock taken = CampaignLock.acquire(new CampaignStore(temp))) {
            assertTrue(Files.exists(temp.resolve("_campaign/lock")));
        }
    }
}
