package org.critsweep.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The spreading window ends before the activity wraps the periodic lattice: mean R² ≤ d (L/8)². */
class SpreadingWindowTest {

    private static final AnalysisSpec SPEC = new AnalysisSpec(0, List.of(CollapseMethod.HH), Optional.empty(),
            TauWindow.DEFAULT, Optional.empty(), EnumSet.allOf(Estimate.class), 10);

    /** R² = l per layer: (64/8)² = 64 is reached at l = 64 in 1D and 2·64 at l = 128 in 2D. */
    @Test
    void cutsAtTheLightConeOfThePeriodicLattice() {
        List<Measurement> r2 = new ArrayList<>();
        IntStream.rangeClosed(1, 200).forEach(l -> r2.add(new Measurement(l, l, Double.NaN)));
        SpreadingWindow line = SpreadingWindow.of(SPEC, 64, 1, 200, r2);
        assertEquals(10, line.from());
        assertEquals(64, line.lastLayer());
        assertTrue(line.cut());
        assertTrue(line.describe(64, 1).contains("from layer 65 on"), line.describe(64, 1));
        assertEquals(128, SpreadingWindow.of(SPEC, 64, 2, 200, r2).lastLayer());
        SpreadingWindow large = SpreadingWindow.of(SPEC, 4096, 1, 200, r2);
        assertEquals(200, large.lastLayer());
        assertFalse(large.cut());
    }

    @Test
    void layersAreLogSpacedWithinTheWindow() {
        List<Integer> recorded = IntStream.rangeClosed(0, 1000).boxed().toList();
        List<Integer> layers = SpreadingWindow.layers(recorded, 10, 100);
        assertEquals(10, layers.get(0));
        assertTrue(layers.size() >= 25 && layers.size() <= 31, layers.toString());
        assertTrue(layers.get(layers.size() - 1) <= 100);
    }
}
