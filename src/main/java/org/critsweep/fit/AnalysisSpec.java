package org.critsweep.fit;

import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The campaign's {@code analysis { … }} block: how the fit stage estimates the critical point and the exponents
 * (PHYSICS.md §7). It does not change what the sweep computes, so it is not part of the campaign's config hash: a
 * campaign can be refitted with other settings ({@code critsweep fit DIR --set analysis.bootstrap=500}).
 *
 * @param bootstrap      resamples over replicas for every error (0: the fits' own errors only)
 * @param collapse       the collapse methods to run, in order
 * @param decayWindow    the layers of the critical-decay fit, or empty for the automatic rule (the fit windows)
 * @param tauWindow      the off-critical points used for β, ν_∥ and the λ_N collapse
 * @param collapseWindow the depth-scan collapse's layers as l/size, or empty for the automatic rule
 * @param estimates      which estimates to make
 * @param mcmcSteps      Metropolis steps after burn-in for the Bayesian collapse
 */
public record AnalysisSpec(int bootstrap, List<CollapseMethod> collapse, Optional<LayerWindow> decayWindow,
                           TauWindow tauWindow, Optional<ScaledLayerWindow> collapseWindow, Set<Estimate> estimates,
                           int mcmcSteps) {

    public AnalysisSpec {
        if (bootstrap < 0 || bootstrap == 1) {
            throw new IllegalArgumentException("bootstrap is 0 (none) or at least 2 resamples, got " + bootstrap);
        }
        if (mcmcSteps < 1) {
            throw new IllegalArgumentException("mcmcSteps must be positive, got " + mcmcSteps);
        }
        collapse = List.copyOf(collapse);
        estimates = Set.copyOf(estimates);
        Objects.requireNonNull(decayWindow, "decayWindow");
        Objects.requireNonNull(tauWindow, "tauWindow");
        Objects.requireNonNull(collapseWindow, "collapseWindow");
    }

    public static AnalysisSpec defaults() {
        return new AnalysisSpec(200, List.of(CollapseMethod.values()), Optional.empty(), TauWindow.DEFAULT,
                Optional.empty(), EnumSet.allOf(Estimate.class), 3000);
    }

    public boolean wants(Estimate estimate) {
        return estimates.contains(estimate);
    }
}
