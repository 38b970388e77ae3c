package org.critsweep.grid;

import java.util.Map;
import java.util.Optional;
import org.critsweep.theory.CriticalLine;
import org.critsweep.theory.NoCriticalPointException;

/**
 * Where an {@link AroundCritical} grid is centred for one family: a measured critical point (keyed by
 * {@link FamilyMember}) when an earlier run found one, else the mean-field σ_w,c of the activation at that σ_b.
 */
public final class CriticalCentres {

    private final Map<FamilyMember, Double> measured;

    /** @param measured σ_w,c per family member from an earlier run's {@code fits} (may be empty) */
    public CriticalCentres(Map<FamilyMember, Double> measured) {
        this.measured = Map.copyOf(measured);
    }

    public static CriticalCentres meanFieldOnly() {
        return new CriticalCentres(Map.of());
    }

    /**
     * @throws BadInputException naming {@code grid.sigma_w} when neither a measured nor a mean-field critical point
     *         exists (e.g. ReLU at σ_b > 0)
     */
    double centre(FamilyMember member) {
        Optional<Double> found = Optional.ofNullable(measured.get(member));
        if (found.isPresent()) {
            return found.get();
        }
        try {
            return CriticalLine.sigmaWc(member.family().activation().activation(), member.family().sigmaB());
        } catch (NoCriticalPointException e) {
            throw new BadInputException("grid.sigma_w", "around-critical needs a critical point, but "
                    + e.getMessage().replaceFirst("^sigma_b: ", "") + "; give sigma_w values instead");
        }
    }
}
