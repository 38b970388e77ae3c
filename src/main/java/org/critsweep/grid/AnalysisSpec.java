package org.critsweep.grid;

import java.util.List;
import java.util.Set;

/**
 * The campaign's {@code analysis { … }} block: how the fit stage estimates the critical point and the exponents
 * (PHYSICS.md §7). It does not change what the sweep computes, so it is not part of the campaign's config hash: a
 * campaign can be refitted with other settings ({@code critsweep fit DIR --set analysis.bootstrap=500}).
 *
 * @param bootstrap   resamples over replicas for every error (0: the fits' own errors only)
 * @param collapse    the collapse methods to run, a subset of {@code hh}, {@code bayes}
 * @param decayWindow the layers of the critical-decay fit: null for the automatic rule, else {from, to}
 * @param tauWindow   the off-critical points used for β, ν_∥ and the λ_N collapse: {min |τ|·size, max |τ|}, where
 *                    the first keeps finite-size rounding out and the second corrections to scaling
 * @param collapseWindow the depth-scan collapse's layers as l/size: null for the automatic rule, else {from, to}
 * @param exponents   which estimates to make, a subset of {@link #EXPONENTS}
 * @param mcmcSteps   Metropolis steps after burn-in for the Bayesian collapse
 */
public record AnalysisSpec(int bootstrap, List<String> collapse, int[] decayWindow, double[] tauWindow,
                           double[] collapseWindow, Set<String> exponents, int mcmcSteps) {

    /** The default τ window: |τ|·size ≥ 10 (outside the finite-size crossover), |τ| ≤ 0.05 (near σ_w,c). */
    public static final double[] DEFAULT_TAU_WINDOW = {10.0, 0.05};

    public static final List<String> COLLAPSE_METHODS = List.of("hh", "bayes");
    /** critical point (always), the critical decay, the off-critical β and ν_∥, the finite-size-scaling collapses. */
    public static final List<String> EXPONENTS = List.of("delta", "beta", "nu_par", "fss");

    public static AnalysisSpec defaults() {
        return new AnalysisSpec(200, COLLAPSE_METHODS, null, DEFAULT_TAU_WINDOW, null, Set.copyOf(EXPONENTS), 3000);
    }

    public boolean wants(String exponent) {
        return exponents.contains(exponent);
    }
}
