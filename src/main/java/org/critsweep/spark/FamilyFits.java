package org.critsweep.spark;

import java.util.Optional;
import org.critsweep.fit.FitResult;

/**
 * What the fit stage found for one family.
 *
 * @param family          the family
 * @param sigmaWRange     the scanned σ_w range, as "[lo, hi]"
 * @param criticalPoint   σ_w where λ_N changes sign, if it does inside the range
 * @param nearestSigmaW   the grid σ_w nearest the critical point (NaN without one)
 * @param nearestPointId  that grid point's id (null without one)
 * @param criticalDecay   κ of 1/ρ = κl + b at that grid point, if the window held enough layers
 */
public record FamilyFits(Family family, String sigmaWRange, Optional<FitResult> criticalPoint, double nearestSigmaW,
                         String nearestPointId, Optional<FitResult> criticalDecay) {
}
