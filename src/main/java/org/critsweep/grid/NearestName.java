package org.critsweep.grid;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/**
 * The allowed name a mistyped one was most likely meant to be, for "did you mean …?" in messages: the nearest by
 * optimal-string-alignment distance (insertions, deletions, substitutions and swaps of neighbours, each 1; case
 * differences count), if it is within a third of the name's length (at least 1), so that {@code widht} suggests
 * {@code width} but {@code colour} suggests nothing. Ties go to the candidate listed first.
 */
public final class NearestName {

    private NearestName() {
    }

    /** The nearest candidate within the distance limit, or empty. */
    public static Optional<String> among(String name, Collection<String> candidates) {
        int limit = Math.max(1, name.length() / 3);
        String best = null;
        int bestDistance = limit + 1;
        for (String candidate : candidates) {
            int d = distance(name, candidate);
            if (d < bestDistance) {
                best = candidate;
                bestDistance = d;
            }
        }
        return Optional.ofNullable(best);
    }

    /**
     * The end of an "unknown …" message: {@code "; did you mean X? Allowed: a, b"} when a name is suggested, else
     * {@code "; allowed: a, b"}.
     *
     * @param allowedLabel how the list is introduced, in lower case, e.g. {@code "allowed keys in grid"}
     */
    public static String offer(Optional<String> suggestion, String allowedLabel, Collection<String> allowed) {
        String list = allowedLabel + ": " + String.join(", ", allowed);
        return suggestion.map(s -> "; did you mean " + s + "? " + list.substring(0, 1).toUpperCase(Locale.ROOT)
                + list.substring(1)).orElse("; " + list);
    }

    /** Optimal string alignment distance (Damerau–Levenshtein without repeated edits of one substring). */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
