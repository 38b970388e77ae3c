package org.critsweep.fit;

/**
 * Whether a fit pinned its quantity down. It did not — the quantity is <em>unconstrained</em> — when its error is
 * infinite, or at least half the magnitude of the estimate, the magnitude counting as no less than 0.2. A collapse
 * whose cost is flat in a parameter reports errors like {@code fss_b = 0.51 ± 5392}, and one that slid to b ≈ 0
 * reports {@code z = 2e-10 ± 0.46} (2D CNN, C = 2, L = 8 and 16); such a value would reject every class rather than
 * inform the verdict, which leaves it out ({@link UniversalityVerdict}). The floor keeps a precise measurement of a
 * quantity that is zero (mean field's θ, a hyperscaling residual) constrained: the quantities of the {@code fits}
 * table — σ_w, exponents, collapse parameters — are of order one, so an error below 0.1 is informative at any value.
 * A NaN error (a quadrature, a p-value) is no error, not an unconstrained one.
 */
public final class FitConstraint {

    /** The largest error, as a fraction of the estimate's magnitude, that still constrains it. */
    public static final double MAX_RELATIVE_ERROR = 0.5;
    /** The smallest magnitude an estimate is judged on. */
    public static final double MIN_SCALE = 0.2;

    private FitConstraint() {
    }

    /** @param error the standard error (NaN: none) */
    public static boolean unconstrained(double estimate, double error) {
        return error == Double.POSITIVE_INFINITY
                || error >= MAX_RELATIVE_ERROR * Math.max(Math.abs(estimate), MIN_SCALE);
    }

    /** The rule on an exponent's statistical error and systematic, added in quadrature as the verdict adds them. */
    public static boolean unconstrained(ExponentEvidence e) {
        return unconstrained(e.estimate(), Math.hypot(e.stderr(), e.systematic()));
    }
}
