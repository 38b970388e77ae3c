package org.critsweep.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.critsweep.grid.BadInputException;
import org.critsweep.query.QueryEngine;

/**
 * {@code sql}'s interactive shell, for a terminal: a prompt, statements over as many lines as they need, each run when
 * a line ends with {@code ;}, and appended to a history file; {@code .quit}, {@code .exit} or end of input (Ctrl-D)
 * ends it. An error in a statement is printed and the shell goes on. The views are those of the shell's start.
 */
final class QueryShell {

    static final String PROMPT = "critsweep> ";
    static final String CONTINUATION = "       ...> ";

    private final QueryEngine engine;
    private final QueryOutput output;
    private final Path history;

    QueryShell(QueryEngine engine, QueryOutput output, Path history) {
        this.engine = engine;
        this.output = output;
        this.history = history;
    }

    /** Reads and runs statements until {@code .quit} or the end of the input. */
    void run(BufferedReader in, PrintWriter out, PrintWriter err) throws IOException {
        out.println("critsweep sql: end each statement with ';', .quit or Ctrl-D to leave; views: "
                + "points, raw, theory, curves, fits, fit_curves (those the campaigns have)");
        StringBuilder statement = new StringBuilder();
        while (true) {
            out.print(statement.isEmpty() ? PROMPT : CONTINUATION);
            out.flush();
            String line = in.readLine();
            if (line == null || statement.isEmpty() && (line.strip().equals(".quit") || line.strip().equals(".exit"))) {
                out.println();
                out.flush();
                return;
            }
            if (statement.isEmpty() && line.isBlank()) {
                continue;
            }
            statement.append(line).append('\n');
            if (line.strip().endsWith(";")) {
                String text = statement.toString().strip();
                statement.setLength(0);
                remember(text);
                runOne(text, out, err);
            }
        }
    }

    private void runOne(String text, PrintWriter out, PrintWriter err) {
        try {
            output.write(engine, text, out);
        } catch (Exception e) {
            Exception translated = engine.asBadInput(e);
            err.println(translated instanceof BadInputException ? "error: " + translated.getMessage()
                    : "failed: " + translated);
        }
        out.flush();
        err.flush();
    }

    /** Appends the statement, on one line, to the history file; a history that cannot be written is not an error. */
    private void remember(String text) {
        try {
            Files.writeString(history, text.replace('\n', ' ') + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            // a read-only home directory: the shell works without its history
        }
    }
}
