package org.critsweep.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.critsweep.grid.BadInputException;

/** The text of {@code sql}'s query, from exactly one source: the QUERY argument, {@code -f FILE}, or standard input. */
final class QueryText {

    private static final String STDIN = "-";

    private QueryText() {
    }

    /** Whether the query comes from standard input: {@code -f -}, or neither an argument nor {@code -f}. */
    static boolean fromStdin(String argument, String file) {
        return argument == null && (file == null || file.equals(STDIN));
    }

    /**
     * @throws BadInputException when both an argument and {@code -f} are given, the file is missing, or the query is
     *                           blank
     */
    static String read(String argument, String file, InputStream stdin) {
        if (argument != null && file != null) {
            throw new BadInputException("QUERY", "give the query as an argument or with -f, not both");
        }
        String text;
        try {
            if (argument != null) {
                text = argument;
            } else if (fromStdin(argument, file)) {
                text = new String(stdin.readAllBytes(), StandardCharsets.UTF_8);
            } else if (Files.isRegularFile(Path.of(file))) {
                text = Files.readString(Path.of(file));
            } else {
                throw new BadInputException("-f", "query file not found: " + file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the query", e);
        }
        if (text.isBlank()) {
            throw new BadInputException("QUERY", "the query is empty");
        }
        return text;
    }
}
