package org.critsweep.spark;

import java.util.ArrayList;
import java.util.List;
import org.critsweep.grid.AnalysisSpec;
import org.critsweep.grid.ScalingFamily;

/**
 * The windows of the fits, as stated rules (PHYSICS.md §4–5), unless the campaign's {@code analysis.decay_window}
 * fixes the decay window:
 * <ul>
 * <li>decay and correlation depth: layers from {@value #FIRST_LAYER} (q relaxes from q0 to q* over the first few
 * correlation lengths) to the depth, and for an MLP at most N/2 (beyond it a finite net falls below the mean-field
 * curve);</li>
 * <li>chaotic plateau: the second half of the depth;</li>
 * <li>depth-scan collapse: about {@value #COLLAPSE_LAYERS} log-spaced recorded layers per size; for an MLP from
 * N to min(depth, 16 N) — the scaling regime l ≳ N, clear of the offset l0 that breaks scaling at small l — and for
 * a CNN from {@value #FIRST_LAYER} to the depth ({@code analysis.collapse_window}
 * overrides both, in units of l/size).</li>
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

    /**
     * The automatic depth-scan range of an MLP, as l/N: l ≥ N keeps the offset l0 ≈ 20 layers of the critical decay,
     * which breaks ρ = N^−1 F(l/N) at small l, a small correction. On conf/mlp-tanh-fss.conf (N = 128 … 1024) the
     * HH collapse reads a = 0.66 ± 0.06, b = 0.89 ± 0.04 on l/N in [1/8, 4] and a = 1.09 ± 0.14, b = 1.00 ± 0.04 here.
     */
    static final double[] MLP_COLLAPSE_WINDOW = {1.0, 16.0};

    /**
     * The layer range of a depth-scan collapse at one size: {@code window} (l/size) when given; else for an MLP
     * {@link #MLP_COLLAPSE_WINDOW}, for a CNN (whose z is to be measured) every layer from FIRST_LAYER.
     */
    static int[] collapseRange(ScalingFamily family, int size, int depth, double[] window) {
        double[] ratio = window != null ? window : family.mlp() ? MLP_COLLAPSE_WINDOW : null;
        if (ratio == null) {
            return new int[] {FIRST_LAYER, depth};
        }
        return new int[] {(int) Math.max(FIRST_LAYER, Math.ceil(ratio[0] * size)),
            (int) Math.min(depth, Math.floor(ratio[1] * size))};
    }

    static String describeCollapse(ScalingFamily family, double[] window) {
        double[] ratio = window != null ? window : family.mlp() ? MLP_COLLAPSE_WINDOW : null;
        String size = family.sizeSymbol();
        return ratio == null ? "layers " + FIRST_LAYER + "..depth"
                : "layers max(" + FIRST_LAYER + ", " + ratio[0] + " " + size + ")..min(depth, " + ratio[1] + " " + size
                + ")";
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
