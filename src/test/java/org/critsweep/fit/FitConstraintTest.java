package org.critsweep.fit;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The rule: unconstrained when the error is infinite or at least 0.5 max(|estimate|, 0.2). */
class FitConstraintTest {

    @Test
    void theFitsUsersSawFlaggedAreUnconstrained() {
        assertTrue(FitConstraint.unconstrained(0.51494, 5391.77));
        assertTrue(FitConstraint.unconstrained(2e-10, 0.46));
        assertTrue(FitConstraint.unconstrained(1.4, Double.POSITIVE_INFINITY));
    }

    @Test
    void measuredValuesAreConstrainedUpToHalfTheirMagnitude() {
        assertFalse(FitConstraint.unconstrained(1.44833, 0.00258572));
        assertFalse(FitConstraint.unconstrained(0.880474, 0.294476));   // 0.29 < 0.44
        assertFalse(FitConstraint.unconstrained(-1.05, 0.52));          // |estimate| counts
        assertTrue(FitConstraint.unconstrained(-1.05, 0.525));
        assertTrue(FitConstraint.unconstrained(1.0, 0.5));               // the bound itself is unconstrained
    }

    @Test
    void nearZeroAnErrorBelowATenthIsInformative() {
        assertFalse(FitConstraint.unconstrained(0.0, 0.099));            // mean field's theta = 0, measured
        assertTrue(FitConstraint.unconstrained(0.0, 0.1));
        assertTrue(FitConstraint.unconstrained(0.05, 0.12));
    }

    @Test
    void aMissingErrorIsNoErrorNotAnUnconstrainedOne() {
        assertFalse(FitConstraint.unconstrained(0.2335, Double.NaN));
    }

    @Test
    void anExponentsSystematicCountsInQuadrature() {
        ExponentEvidence statistical = new ExponentEvidence("delta", 1.0, 0.3, Optional.empty(), 0.0, "test");
        ExponentEvidence withSystematic = new ExponentEvidence("delta", 1.0, 0.3, Optional.empty(), 0.45, "test");
        assertFalse(FitConstraint.unconstrained(statistical));
        assertTrue(FitConstraint.unconstrained(withSystematic));          // hypot(0.3, 0.45) = 0.54 >= 0.5
    }
}
