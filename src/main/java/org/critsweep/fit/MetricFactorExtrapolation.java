package org.critsweep.fit;

import java.util.List;
import java.util.Optional;

/**
 * The metric factor κ of the critical decay 1/ρ = κ(l + l0) (PHYSICS.md §4), measured per width at the width's own
 * critical point and extrapolated in 1/N like the critical point itself: κ(N) = κ∞ + a/N (+ b/N² when four or more
 * widths make it significant). κ depends on the activation and σ_b where the exponents do not, so κ∞ against the
 * mean-field ½ σ_w² q* E[φ″(√q* z)²] at σ_w,c tests the amplitude, not the class.
 */
public final class MetricFactorExtrapolation {

    public static final String INFINITE = "kappa_inf";

    private MetricFactorExtrapolation() {
    }

    /**
     * @param kappas κ per width (x = N) with standard errors, in increasing width
     * @return {@code kappa_inf}, {@code kappa_slope} (and {@code kappa_curvature} when kept); empty with fewer than
     *         two widths with a usable error
     */
    public static Optional<List<FitResult>> fit(List<Measurement> kappas) {
        return CriticalPointExtrapolation.fit(kappas).map(e -> e.fits().stream().map(MetricFactorExtrapolation::renamed)
                .toList());
    }

    private static FitResult renamed(FitResult r) {
        String quantity = "kappa" + r.quantity().substring("sigma_w_c".length());
        return new FitResult(quantity, r.estimate(), r.stderr(), r.ciLow(), r.ciHigh(), r.method(), r.window(),
                r.quality(), r.nUsed());
    }
}
