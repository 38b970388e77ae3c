package org.critsweep.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;
import org.critsweep.grid.BadInputException;

/**
 * Campaigns never nest: a campaign written inside another would damage it, and the outer one's rerun would delete it.
 * Real paths are compared, so a symbolic link does not hide the nesting.
 */
final class CampaignNesting {

    private CampaignNesting() {
    }

    /** @throws BadInputException naming campaign.output when it is inside another campaign or holds one */
    static void refuseNested(Path output) {
        Path real = realPath(output);
        for (Path up = real.getParent(); up != null; up = up.getParent()) {
            if (Files.isRegularFile(up.resolve(CampaignStore.MANIFEST))) {
                throw new BadInputException("campaign.output", output + " is inside the campaign " + up
                        + "; choose a campaign.output outside it");
            }
        }
        inner(real).ifPresent(inner -> {
            throw new BadInputException("campaign.output", output + " holds another campaign, " + inner
                    + "; move it out, or choose another campaign.output");
        });
    }

    /** The directory's real path, or that of its nearest existing ancestor with the rest appended. */
    private static Path realPath(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        for (Path existing = absolute; existing != null; existing = existing.getParent()) {
            if (Files.exists(existing)) {
                try {
                    return existing.toRealPath().resolve(existing.relativize(absolute));
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot resolve " + existing, e);
                }
            }
        }
        return absolute;
    }

    /** A campaign below the directory (not the directory's own). */
    private static Optional<Path> inner(Path root) {
        if (!Files.isDirectory(root)) {
            return Optional.empty();
        }
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(p -> !p.equals(root) && Files.isRegularFile(p.resolve(CampaignStore.MANIFEST)))
                    .findFirst();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + root, e);
        }
    }
}
