package org.critsweep.fit;

import java.util.List;
import java.util.Optional;

/**
 * How the critical points of a family's sizes are extrapolated to the infinite system: in 1/N for MLP widths
 * ({@link CriticalPointExtrapolation#INVERSE_WIDTH}), in L^−ω for CNN lattices ({@link LatticeExtrapolation}).
 * The bootstrap refits every resample with the form chosen on the full data, so that its spread is the statistical
 * error of that form and not a mixture of forms.
 */
public interface SizeExtrapolation {

    /**
     * @param roots σ_w,c per size (x = the size) with standard errors, in increasing size
     * @return the fit, or empty when the data cannot support one
     */
    Optional<CriticalPointExtrapolation.Extrapolation> fit(List<Measurement> roots);

    /** The estimates of {@code chosen}'s fits, in its order, refitted in the same form; NaN where that fails. */
    double[] refit(List<Measurement> roots, CriticalPointExtrapolation.Extrapolation chosen);
}
