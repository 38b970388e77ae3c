package org.critsweep.report;

import java.util.OptionalDouble;
import org.critsweep.kernel.ActivationKind;
import org.critsweep.theory.CriticalLine;
import org.critsweep.theory.NoCriticalPointException;

/** The mean-field critical point σ_w,c(σ_b) the plots mark, where the activation has one at that σ_b. */
final class MeanFieldCritical {

    private MeanFieldCritical() {
    }

    /** Empty where χ₁ = 1 has no solution (ReLU and the linear net at σ_b > 0). */
    static OptionalDouble sigmaWc(ActivationKind activation, double sigmaB) {
        try {
            return OptionalDouble.of(CriticalLine.sigmaWc(activation.activation(), sigmaB));
        } catch (NoCriticalPointException e) {
            return OptionalDouble.empty();
        }
    }
}
