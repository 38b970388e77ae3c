package org.critsweep.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The fit windows' stated rules, for an MLP (size N) and a CNN (size L). */
class FitWindowsTest {

    private static final AnalysedFamily MLP = new AnalysedFamily("mlp", SizeVariable.WIDTH, 0);
    private static final AnalysedFamily CNN = new AnalysedFamily("cnn", SizeVariable.LATTICE, 1);

    @Test
    void decayWindowIsAutomaticUnlessTheCampaignFixesIt() {
        AnalysisSpec auto = AnalysisSpec.defaults();
        assertEquals(new LayerWindow(10, 64), FitWindows.decay(auto, MLP, 128, 400), "N/2");
        assertEquals(new LayerWindow(10, 100), FitWindows.decay(auto, MLP, 1024, 100), "the depth");
        assertEquals(new LayerWindow(10, 400), FitWindows.decay(auto, CNN, 16, 400), "a CNN's depth");
        AnalysisSpec fixed = new AnalysisSpec(0, List.of(), Optional.of(new LayerWindow(20, 200)), TauWindow.DEFAULT,
                Optional.empty(), Set.of(), 3000);
        assertEquals(new LayerWindow(20, 150), FitWindows.decay(fixed, MLP, 64, 150), "clipped at the depth");
        assertEquals(new LayerWindow(50, 100), FitWindows.plateau(100));
    }

    @Test
    void collapseRangeIsInUnitsOfTheSize() {
        assertEquals(new LayerWindow(32, 400), FitWindows.collapseRange(MLP, 256, 400, Optional.empty()));
        assertEquals(new LayerWindow(10, 400), FitWindows.collapseRange(CNN, 64, 400, Optional.empty()));
        Optional<ScaledLayerWindow> window = Optional.of(new ScaledLayerWindow(0.5, 2.0));
        assertEquals(new LayerWindow(32, 128), FitWindows.collapseRange(CNN, 64, 400, window));
        assertEquals("layers max(10, 0.125 N)..min(depth, 16.0 N)", FitWindows.describeCollapse(MLP, Optional.empty()));
        assertEquals("layers 10..depth", FitWindows.describeCollapse(CNN, Optional.empty()));
        assertEquals("layers max(10, 0.5 L)..min(depth, 2.0 L)", FitWindows.describeCollapse(CNN, window));
    }

    @Test
    void collapseLayersAreLogSpaced() {
        List<Integer> every = IntStream.rangeClosed(1, 1000).boxed().toList();
        List<Integer> kept = FitWindows.collapseLayers(every, new LayerWindow(10, 1000));
        assertEquals(List.of(10, 14, 20, 28, 39, 54, 74, 101, 138, 188, 256, 348, 474, 645, 877), kept,
                "each at least (1000/10)^(1/15) beyond the last, so about COLLAPSE_LAYERS = 16 of them");
        assertEquals(List.of(), FitWindows.collapseLayers(every, new LayerWindow(512, 400)), "an empty window");
    }
}
