package org.critsweep.spark;

import java.util.ArrayList;
import java.util.List;
import org.critsweep.grid.AnalysisSpec;

/**
 * The windows of the fits, as stated rules (SCIENCE.md §4–5), unless the campaign's {@code analysis.decay_window}
 * fixes the decay window:
 * <ul>
 * <li>decay and correlation depth: layers from {@value #FIRST_LAYER} (q relaxes from q0 to q* over the first few
 * correlation lengths) to the depth, and for an MLP at most N/2 (beyond it a finite net falls below the mean-field
 * curve);</li>
 * <li>chaotic plateau: the second half of the depth;</li>
 * <li>depth-scan collapse: about {@value #COLLAPSE_LAYERS} log-spaced recorded layers per size; for an MLP from
 * max({@value #FIRST_LAYER}, N/8) to min(depth, 4N) — the scaling regime l ~ N, clear of the offset l0 that breaks
 * scaling at small l — and for a CNN from {@value #FIRST_LAYER} to the depth.</li>
 * </ul>
 */
final class FitWindows {

    static final int FIRST_LAYER = 10;
    static final int COLLAPSE_LAYERS = 16;

    private FitWindows() {
    }

    static int[] decay(AnalysisSpec analysis, ScalingFamily family, int size, int depth) {
        if (analysis.decayWindow() != null) {
            return new int[] {analysis.decayWindow()[0], Math.min(analysis.decayWindow()[1], depth)};
        }
        return new int[] {FIRST_LAYER, family.mlp() ? Math.min(depth, size / 2) : depth};
    }

    static int[] plateau(int depth) {
        return new int[] {depth / 2, depth};
    }

    /** The layer range of a depth-scan collapse at one size. */
    static int[] collapseRange(ScalingFamily family, int size, int depth) {
        return family.mlp() ? new int[] {Math.max(FIRST_LAYER, size / 8), Math.min(depth, 4 * size)}
                : new int[] {FIRST_LAYER, depth};
    }

    /**
     * The recorded layers a depth-scan collapse uses: from the sorted {@code recorded} layers in {@code range},
     * each at least a factor (to / from)^(1/(COLLAPSE_LAYERS − 1)) beyond the last one kept.
     */
    static List<Integer> collapseLayers(List<Integer> recorded, int[] range) {
        double step = Math.log((double) range[1] / range[0]) / (COLLAPSE_LAYERS - 1) * (1 - 1e-9);
        List<Integer> kept = new ArrayList<>();
        for (int layer : recorded) {
            if (layer >= range[0] && layer <= range[1]
                    && (kept.isEmpty() || Math.log((double) layer / kept.get(kept.size() - 1)) >= step)) {
                kept.add(layer);
            }
        }
        return kept;
    }
}
