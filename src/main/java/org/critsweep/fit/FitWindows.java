package org.critsweep.fit;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

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

    /**
     * The automatic depth-scan range of an MLP, as l/N. The collapse fits the decay's offset l0
     * ({@link ScalingForm#depthScanWithOffset()}), so the window can start at l = N/8, where the errors of ln ρ are
     * small and the crossover of F from 1/(κx) to its exponential tail is inside the window; that crossover is what
     * separates a from b. On planted mean-field depth scans (widths 128 … 1024, depth 2048, l0 = 20) the old form on
     * [1, 16] read a ≈ 0.7 ± 0.2, the offset form here a = 1.00 with a scatter of 0.09 (DepthScanCollapseTest).
     */
    static final ScaledLayerWindow MLP_COLLAPSE_WINDOW = new ScaledLayerWindow(0.125, 16.0);

    private FitWindows() {
    }

    static LayerWindow decay(AnalysisSpec analysis, AnalysedFamily family, int size, int depth) {
        int automaticEnd = family.widthScaled() ? Math.min(depth, size / 2) : depth;
        return analysis.decayWindow().map(w -> new LayerWindow(w.from(), Math.min(w.to(), depth)))
                .orElseGet(() -> new LayerWindow(FIRST_LAYER, automaticEnd));
    }

    static LayerWindow plateau(int depth) {
        return new LayerWindow(depth / 2, depth);
    }

    /**
     * The layer range of a depth-scan collapse at one size: {@code window} (l/size) when given; else for an MLP
     * {@link #MLP_COLLAPSE_WINDOW}, for a CNN (whose z is to be measured) every layer from FIRST_LAYER.
     */
    static LayerWindow collapseRange(AnalysedFamily family, int size, int depth, Optional<ScaledLayerWindow> window) {
        return ratio(family, window).map(r -> new LayerWindow((int) Math.max(FIRST_LAYER, Math.ceil(r.from() * size)),
                (int) Math.min(depth, Math.floor(r.to() * size)))).orElseGet(() -> new LayerWindow(FIRST_LAYER, depth));
    }

    static String describeCollapse(AnalysedFamily family, Optional<ScaledLayerWindow> window) {
        String size = family.sizeSymbol();
        return ratio(family, window).map(r -> "layers max(" + FIRST_LAYER + ", " + r.from() + " " + size
                + ")..min(depth, " + r.to() + " " + size + ")").orElse("layers " + FIRST_LAYER + "..depth");
    }

    /** The campaign's collapse window, else the automatic one of an MLP; empty for a CNN's every layer. */
    private static Optional<ScaledLayerWindow> ratio(AnalysedFamily family, Optional<ScaledLayerWindow> window) {
        return window.or(() -> family.widthScaled() ? Optional.of(MLP_COLLAPSE_WINDOW) : Optional.empty());
    }

    /**
     * The recorded layers a depth-scan collapse uses: from the sorted {@code recorded} layers in {@code range},
     * each at least a factor (to / from)^(1/(COLLAPSE_LAYERS − 1)) beyond the last one kept.
     */
    static List<Integer> collapseLayers(List<Integer> recorded, LayerWindow range) {
        double step = Math.log((double) range.to() / range.from()) / (COLLAPSE_LAYERS - 1) * (1 - 1e-9);
        List<Integer> kept = new ArrayList<>();
        for (int layer : recorded) {
            if (layer >= range.from() && layer <= range.to()
                    && (kept.isEmpty() || Math.log((double) layer / kept.get(kept.size() - 1)) >= step)) {
                kept.add(layer);
            }
        }
        return kept;
    }
}
