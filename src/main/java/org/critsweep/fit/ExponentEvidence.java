package org.critsweep.fit;

import java.util.Optional;

/**
 * One measured exponent as the universality verdict weighs it: the estimate, the distribution of its bootstrap
 * resamples when there is one (the verdict reads skewed intervals from it rather than a symmetric error), and a
 * systematic half-width (from the choice of critical point, or of the activity threshold) that widens it.
 *
 * @param quantity   a classifying exponent name: {@code delta}, {@code beta}, {@code nu_par}, {@code z} or {@code theta}
 * @param estimate   the point estimate
 * @param stderr     its standard error (the bootstrap's when there is one)
 * @param bootstrap  the resampled estimates, empty when the bootstrap was off
 * @param systematic a half-width added in quadrature to the statistical spread (PHYSICS.md §7), 0 when none was
 *                   measured
 * @param source     where it comes from, in words (e.g. "spreading P(l), L=256, threshold 1e-06")
 */
public record ExponentEvidence(String quantity, double estimate, double stderr,
                               Optional<BootstrapDistribution> bootstrap, double systematic, String source) {

    public ExponentEvidence {
        if (!Double.isFinite(systematic) || systematic < 0.0) {
            throw new IllegalArgumentException("systematic: expected a finite value >= 0, got " + systematic);
        }
    }

    /** The evidence of a fitted row, with its bootstrap distribution when it had one. */
    public static ExponentEvidence of(FitResult fit, Optional<BootstrapDistribution> bootstrap, String source) {
        return new ExponentEvidence(fit.quantity(), fit.estimate(), fit.stderr(), bootstrap, 0.0, source);
    }
}
