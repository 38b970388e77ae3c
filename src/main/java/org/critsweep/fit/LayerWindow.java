package org.critsweep.fit;

/**
 * The layers {@code from..to} (inclusive) a fit or a read uses. A window derived from a rule can hold no layer
 * ({@code to < from}, e.g. the decay window N/2 of a very narrow net); the fits check the span they need.
 */
public record LayerWindow(int from, int to) {

    public LayerWindow {
        if (from < 0 || to < 0) {
            throw new IllegalArgumentException("layers are >= 0, got " + from + ".." + to);
        }
    }
}
