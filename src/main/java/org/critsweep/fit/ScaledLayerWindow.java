package org.critsweep.fit;

/** A depth-scan collapse's layers in units of the size, l/size in [from, to] ({@code analysis.collapse_window}). */
public record ScaledLayerWindow(double from, double to) {

    public ScaledLayerWindow {
        if (!(from > 0 && from < to && Double.isFinite(to))) {
            throw new IllegalArgumentException("expected 0 < from < to, got [" + from + ", " + to + "]");
        }
    }
}
