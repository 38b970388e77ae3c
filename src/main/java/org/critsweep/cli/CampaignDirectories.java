package org.critsweep.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.critsweep.grid.BadInputException;
import org.critsweep.store.CampaignStore;

/**
 * The directories that {@code --campaign} values name: a path as it is, or a glob ({@code runs/*}, {@code runs/**},
 * {@code runs/mlp-{a,b}}) expanded here, because a quoted pattern reaches the command unexpanded. A glob keeps
 * only the campaigns among the directories it matches — {@code runs/*} also matches {@code runs/logs} — and must
 * match at least one; a plain path is kept even when it is not a campaign, so that the error names it. A value that
 * names an existing directory is that directory, never a pattern: {@code runs/br[1]} is the campaign of that name,
 * not {@code runs/br1}.
 */
final class CampaignDirectories {

    private CampaignDirectories() {
    }

    static List<Path> expand(List<String> values) {
        List<Path> directories = new ArrayList<>();
        for (String value : values) {
            if (isGlob(value) && !Files.isDirectory(Path.of(value))) {
                List<Path> matches = campaignsMatching(Path.of(value));
                if (matches.isEmpty()) {
                    throw new BadInputException("--campaign", "no campaign directory matches " + value);
                }
                directories.addAll(matches);
            } else if (Files.exists(Path.of(value)) && !Files.isDirectory(Path.of(value))) {
                throw new BadInputException("--campaign", value + " is a file, not a campaign directory");
            } else {
                directories.add(Path.of(value));
            }
        }
        return directories;
    }

    private static boolean isGlob(String text) {
        return text.chars().anyMatch(c -> "*?[{".indexOf(c) >= 0);
    }

    /** Walks from the pattern's longest literal prefix, only as deep as the pattern reaches. */
    private static List<Path> campaignsMatching(Path pattern) {
        Path base = pattern.isAbsolute() ? pattern.getRoot() : Path.of("");
        int literal = 0;
        while (literal < pattern.getNameCount() && !isGlob(pattern.getName(literal).toString())) {
            base = base.resolve(pattern.getName(literal++));
        }
        int depth = pattern.toString().contains("**") ? Integer.MAX_VALUE : pattern.getNameCount() - literal;
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + pattern);
        if (!Files.isDirectory(base)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(base, depth)) {
            return walk.filter(Files::isDirectory).filter(matcher::matches)
                    .filter(d -> !new CampaignStore(d).presentTables().isEmpty()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the directories under " + base, e);
        }
    }
}
