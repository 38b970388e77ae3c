package org.critsweep.fit;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The layers of the spreading fits (PHYSICS.md §7). They start at {@value FitWindows#FIRST_LAYER} (before it every
 * site of the light cone is active at a low threshold: a transient of the one-site seed) and end before the activity
 * feels the periodic lattice: at the last layer before the mean R² of the survivors (lowest threshold, the widest
 * cloud) first exceeds d (L/8)², i.e. the root-mean-square distance of the active sites is at most an eighth of the
 * lattice and the cloud's edge, about twice that, a quarter of it — far from the half-lattice where it would wrap.
 * {@code analysis.decay_window} replaces the start and caps the end. Within the window about
 * {@value #LAYERS_PER_DECADE} recorded layers per decade are used, log-spaced.
 *
 * @param from      the first layer
 * @param to        the last layer the depth and the settings allow
 * @param lastLayer the last layer inside the light cone (≤ to), per point
 */
record SpreadingWindow(int from, int to, int lastLayer) {

    static final int LAYERS_PER_DECADE = 30;
    /** The rms distance of the active sites stays below L / {@value}. */
    static final double LATTICE_FRACTION = 8.0;

    /** The window of one point from its mean R² curve. */
    static SpreadingWindow of(AnalysisSpec analysis, int size, int dimensions, int depth, List<Measurement> meanR2) {
        int from = analysis.decayWindow().map(LayerWindow::from).orElse(FitWindows.FIRST_LAYER);
        int to = analysis.decayWindow().map(w -> Math.min(w.to(), depth)).orElse(depth);
        double limit = dimensions * Math.pow(size / LATTICE_FRACTION, 2);
        int last = to;
        int previous = 0;
        for (Measurement m : meanR2) {
            if (m.x() > to) {
                break;
            }
            if (m.value() > limit) {
                last = previous;
                break;
            }
            previous = (int) m.x();
        }
        return new SpreadingWindow(from, to, Math.max(from - 1, last));
    }

    /** Whether the light cone cut the window short of {@code to}. */
    boolean cut() {
        return lastLayer < to;
    }

    /** In words, for a row's window: the layers, and where and why they end. */
    String describe(int size, int dimensions) {
        return String.format(Locale.ROOT, "layers %d..%d%s", from, lastLayer, cut()
                ? String.format(Locale.ROOT, " (cut at the light cone: mean R^2 > %s(L/%.0f)^2 from layer %d on)",
                        dimensions == 1 ? "" : dimensions + " ", LATTICE_FRACTION, lastLayer + 1) : "");
    }

    /**
     * Log-spaced layers among the sorted {@code recorded} ones in [from, to]: each at least a factor
     * 10^(1/LAYERS_PER_DECADE) beyond the last one kept.
     */
    static List<Integer> layers(List<Integer> recorded, int from, int to) {
        double step = Math.log(10.0) / LAYERS_PER_DECADE * (1 - 1e-9);
        List<Integer> kept = new ArrayList<>();
        for (int layer : recorded) {
            if (layer >= Math.max(from, 1) && layer <= to
                    && (kept.isEmpty() || Math.log((double) layer / kept.get(kept.size() - 1)) >= step)) {
                kept.add(layer);
            }
        }
        return kept;
    }
}
