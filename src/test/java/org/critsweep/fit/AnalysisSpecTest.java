package org.critsweep.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The analysis settings' defaults, labels and invariants. */
class AnalysisSpecTest {

    @Test
    void defaultsAreEveryEstimateBothCollapsesAndTheAutomaticWindows() {
        AnalysisSpec defaults = AnalysisSpec.defaults();
        assertEquals(200, defaults.bootstrap());
        assertEquals(List.of(CollapseMethod.HH, CollapseMethod.BAYES), defaults.collapse());
        assertEquals(Set.of(Estimate.values()), defaults.estimates());
        assertEquals(new TauWindow(10.0, 0.05), defaults.tauWindow());
        assertEquals(Optional.empty(), defaults.decayWindow());
        assertEquals(Optional.empty(), defaults.collapseWindow());
        assertEquals(3000, defaults.mcmcSteps());
    }

    @Test
    void labelsAreTheCampaignAndTableText() {
        assertEquals(List.of("hh", "bayes"), List.of(CollapseMethod.HH.label(), CollapseMethod.BAYES.toString()));
        assertEquals(List.of("delta", "beta", "nu_par", "fss"),
                List.of(Estimate.values()).stream().map(Estimate::label).toList());
        assertEquals(List.of("depth_scan", "lambda"),
                List.of(CollapseData.values()).stream().map(CollapseData::label).toList());
        assertEquals(List.of("N", "L"), List.of(SizeVariable.WIDTH.symbol(), SizeVariable.LATTICE.symbol()));
    }

    @Test
    void invalidSettingsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new AnalysisSpec(1, List.of(), Optional.empty(),
                TauWindow.DEFAULT, Optional.empty(), Set.of(), 3000));
        assertThrows(IllegalArgumentException.class, () -> new AnalysisSpec(0, List.of(), Optional.empty(),
                TauWindow.DEFAULT, Optional.empty(), Set.of(), 0));
        assertThrows(IllegalArgumentException.class, () -> new LayerWindow(-1, 5));
        assertThrows(IllegalArgumentException.class, () -> new TauWindow(0.0, 0.05));
        assertThrows(IllegalArgumentException.class, () -> new TauWindow(10.0, Double.POSITIVE_INFINITY));
        assertThrows(IllegalArgumentException.class, () -> new ScaledLayerWindow(4.0, 1.0));
        assertThrows(IllegalArgumentException.class, () -> new AnalysedFamily(" ", SizeVariable.WIDTH, 0));
        assertThrows(IllegalArgumentException.class, () -> new AnalysedFamily("cnn", SizeVariable.LATTICE, 0));
        assertThrows(IllegalArgumentException.class, () -> new AnalysedFamily("cnn", SizeVariable.LATTICE, 3));
        assertThrows(IllegalArgumentException.class, () -> new AnalysedFamily("mlp", SizeVariable.WIDTH, 1));
    }
}
