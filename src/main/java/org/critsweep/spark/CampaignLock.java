package org.critsweep.spark;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.critsweep.grid.BadInputException;

/**
 * One live run per campaign directory: {@code _campaign/lock} holds the driver's PID, host and start time, created
 * atomically. A lock whose process is gone (same host, PID not alive) is stale — a killed driver — and is taken over.
 */
public final class CampaignLock implements AutoCloseable {

    private final Path file;

    private CampaignLock(Path file) {
        this.file = file;
    }

    /**
     * @throws BadInputException naming {@code campaign.output} when another live run holds the directory
     */
    public static CampaignLock acquire(CampaignStore store) {
        Path file = store.lockFile();
        String content = String.format("{ pid = %d, host = \"%s\", started = \"%s\" }%n", ProcessHandle.current().pid(),
                host(), Instant.now());
        try {
            Files.createDirectories(file.getParent());
            for (int attempt = 0; attempt < 2; attempt++) {
                try {
                    Files.createFile(file);
                } catch (FileAlreadyExistsException held) {
                    takeOverIfStale(file, store);
                    continue;
                }
                write(file, content);
                return new CampaignLock(file);
            }
        } catch (IOException e) {
            throw StorageFailure.cannotWrite(file, e);
        }
        throw new BadInputException("campaign.output", store.root() + " is locked by a run that just started");
    }

    /**
     * The process holding a campaign's lock, when that process is alive (or on another host, where it cannot be
     * checked): what {@code status} reports.
     */
    public static java.util.Optional<String> liveHolder(CampaignStore store) {
        try {
            Config holder = ConfigFactory.parseFile(store.lockFile().toFile());
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

    /** Fills a lock this process created; a lock it cannot fill (a full disk) is removed, not left empty. */
    private static void write(Path file, String content) throws IOException {
        try {
            Files.writeString(file, content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            Files.deleteIfExists(file);
            throw e;
        }
    }

    private static void takeOverIfStale(Path file, CampaignStore store) throws IOException {
        Config holder;
        try {
            holder = ConfigFactory.parseFile(file.toFile());
        } catch (ConfigException unreadable) {
            Files.deleteIfExists(file); // a driver killed while writing its lock
            return;
        }
        long pid = holder.hasPath("pid") ? holder.getLong("pid") : -1;
        String host = holder.hasPath("host") ? holder.getString("host") : "";
        if (isAlive(holder)) {
            throw new BadInputException("campaign.output", store.root() + " is being run by process " + pid + " on "
                    + host + " (started " + (holder.hasPath("started") ? holder.getString("started") : "?")
                    + "); wait for it to finish or stop it, then rerun to resume");
        }
        Files.deleteIfExists(file);
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
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove " + file, e);
        }
    }
}
