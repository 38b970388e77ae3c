package org.critsweep.store;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.time.Instant;
import org.critsweep.grid.BadInputException;

/**
 * One live run per campaign directory: {@code _campaign/lock} holds the driver's PID, host and start time, created
 * atomically. A lock whose process is gone (same host, PID not alive) is stale — a killed driver — and is taken over.
 */
public final class CampaignLock implements AutoCloseable {

    private static final String DIRECTORY = "_campaign";
    private static final String FILE = CampaignFileSystem.child(DIRECTORY, "lock");

    private final CampaignFileSystem files;

    private CampaignLock(CampaignFileSystem files) {
        this.files = files;
    }

    /**
     * @throws BadInputException naming {@code campaign.output} when another live run holds the directory
     */
    public static CampaignLock acquire(CampaignStore store) {
        CampaignFileSystem files = store.files();
        String content = String.format("{ pid = %d, host = \"%s\", started = \"%s\" }%n", ProcessHandle.current().pid(),
                host(), Instant.now());
        try {
            files.createDirectories(DIRECTORY);
            for (int attempt = 0; attempt < 2; attempt++) {
                try {
                    files.createExclusive(FILE, content.getBytes(StandardCharsets.UTF_8));
                } catch (FileAlreadyExistsException held) {
                    takeOverIfStale(store);
                    continue;
                }
                return new CampaignLock(files);
            }
        } catch (IOException e) {
            throw StorageFailure.cannotWrite(files.location(FILE), e);
        }
        throw new BadInputException("campaign.output", store.root() + " is locked by a run that just started");
    }

    /**
     * The process holding a campaign's lock, when that process is alive (or on another host, where it cannot be
     * checked): what {@code status} reports.
     */
    public static java.util.Optional<String> liveHolder(CampaignStore store) {
        try {
            Config holder = JsonFiles.read(store.files(), FILE);
            return isAlive(holder) ? java.util.Optional.of("process " + holder.getLong("pid") + " on "
                    + holder.getString("host") + " since " + holder.getString("started")) : java.util.Optional.empty();
        } catch (ConfigException noOrUnreadableLock) {
            return java.util.Optional.empty();
        }
    }

    private static boolean isAlive(Config holder) {
        long pid = holder.hasPath("pid") ? holder.getLong("pid") : -1;
        String host = holder.hasPath("host") ? holder.getString("host") : "";
        return !host.equals(host()) || ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    private static void takeOverIfStale(CampaignStore store) throws IOException {
        Config holder;
        try {
            holder = JsonFiles.read(store.files(), FILE);
        } catch (ConfigException unreadable) {
            store.files().delete(FILE); // a driver killed while writing its lock
            return;
        }
        long pid = holder.hasPath("pid") ? holder.getLong("pid") : -1;
        String host = holder.hasPath("host") ? holder.getString("host") : "";
        if (isAlive(holder)) {
            throw new BadInputException("campaign.output", store.root() + " is being run by process " + pid + " on "
                    + host + " (started " + (holder.hasPath("started") ? holder.getString("started") : "?")
                    + "); wait for it to finish or stop it, then rerun to resume");
        }
        store.files().delete(FILE);
    }

    private static String host() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.net.UnknownHostException e) {
            return "localhost";
        }
    }

    @Override
    public void close() {
        try {
            files.delete(FILE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove " + files.location(FILE), e);
        }
    }
}
