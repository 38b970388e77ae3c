package org.critsweep.query;

import java.util.Locale;
import org.critsweep.grid.BadInputException;

/** The one message with which every engine of {@code sql} refuses a statement that writes or changes the session. */
public final class ReadOnlyRefusal {

    private ReadOnlyRefusal() {
    }

    public static BadInputException of(String text) {
        return new BadInputException("QUERY", "sql is read-only; a statement that writes or changes the session"
                + " (here " + firstWord(text) + ") is refused: give a query (SELECT, WITH, VALUES, FROM, TABLE),"
                + " SHOW, DESCRIBE, or EXPLAIN of a query");
    }

    private static String firstWord(String text) {
        String stripped = text.strip();
        int end = 0;
        while (end < stripped.length() && Character.isLetter(stripped.charAt(end))) {
            end++;
        }
        return end == 0 ? "the statement" : stripped.substring(0, end).toUpperCase(Locale.ROOT);
    }
}
