package org.critsweep.store;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** A campaign directory on a local (or locally mounted) file system, through {@code java.nio}. */
public final class LocalFileSystem implements CampaignFileSystem {

    private final Path root;

    public LocalFileSystem(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    private Path resolve(String path) {
        return root.resolve(path);
    }

    @Override
    public String location(String path) {
        return resolve(path).toString();
    }

    @Override
    public boolean exists(String path) {
        return Files.exists(resolve(path));
    }

    @Override
    public boolean isDirectory(String path) {
        return Files.isDirectory(resolve(path));
    }

    @Override
    public boolean isFile(String path) {
        return Files.isRegularFile(resolve(path));
    }

    @Override
    public List<String> list(String directory) throws IOException {
        try (Stream<Path> entries = Files.list(resolve(directory))) {
            return entries.map(p -> p.getFileName().toString()).toList();
        }
    }

    @Override
    public void createDirectories(String directory) throws IOException {
        Files.createDirectories(resolve(directory));
    }

    @Override
    public byte[] read(String file) throws IOException {
        return Files.readAllBytes(resolve(file));
    }

    @Override
    public byte[] read(String file, long position, int length) throws IOException {
        try (FileChannel channel = FileChannel.open(resolve(file))) {
            ByteBuffer buffer = ByteBuffer.allocate(length);
            while (buffer.hasRemaining()) {
                if (channel.read(buffer, position + buffer.position()) < 0) {
                    throw new EOFException("shorter than it was a moment ago");
                }
            }
            return buffer.array();
        }
    }

    @Override
    public long size(String file) throws IOException {
        return Files.size(resolve(file));
    }

    @Override
    public void writeAtomically(String file, byte[] content) throws IOException {
        Path target = resolve(file);
        Path temporary = target.resolveSibling(target.getFileName() + ".tmp");
        try {
            Files.createDirectories(target.getParent());
            Files.write(temporary, content);
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            try {
                Files.deleteIfExists(temporary);
            } catch (IOException alsoFailed) {
                e.addSuppressed(alsoFailed);
            }
            throw e;
        }
    }

    @Override
    public void createExclusive(String file, byte[] content) throws IOException {
        Path created = Files.createFile(resolve(file));
        try {
            Files.write(created, content);
        } catch (IOException e) {
            Files.deleteIfExists(created);
            throw e;
        }
    }

    @Override
    public void move(String source, String target) throws IOException {
        Files.move(resolve(source), resolve(target), StandardCopyOption.ATOMIC_MOVE);
    }

    @Override
    public void delete(String path) throws IOException {
        Path start = resolve(path);
        if (!Files.exists(start)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(start)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
