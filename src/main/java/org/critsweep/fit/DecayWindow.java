package org.critsweep.fit;

import java.util.List;

/** The layers of a decay curve a fit can use: inside the window, ρ > 0 and a finite positive standard error. */
final class DecayWindow {

    private DecayWindow() {
    }

    static List<Measurement> usable(List<Measurement> curve, double fromLayer, double toLayer) {
        return curve.stream()
                .filter(m -> m.x() >= fromLayer && m.x() <= toLayer)
                .filter(m -> m.value() > 0.0 && Double.isFinite(m.stderr()) && m.stderr() > 0.0)
                .toList();
    }

    static String describe(List<Measurement> used) {
        return "layer in [" + (long) used.get(0).x() + ", " + (long) used.get(used.size() - 1).x() + "]";
    }
}
