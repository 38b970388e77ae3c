package org.critsweep.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class FitResultTest {

    @Test
    void valueWithErrorRoundsTheErrorToTwoDigitsAndTheEstimateToTheSamePlace() {
        FitResult delta = new FitResult("delta", 0.880474, 0.294476, "m", "w", 1.0, 7);
        assertEquals("delta = 0.88 ± 0.29", delta.valueWithError());
        assertEquals("δ = 0.88 ± 0.29", delta.valueWithError("δ"));
        assertEquals("a = 3.57 ± 0.24", new FitResult("slope", 3.57347, 0.236305, "m", "w", 1.0, 3)
                .valueWithError("a"));
    }

    @Test
    void withoutAUsableErrorTheEstimateStandsAloneWithSixDigits() {
        assertEquals("p = 0.683918", new FitResult("p", 0.6839183, Double.NaN, "m", "w", 1.0, 1).valueWithError());
        assertEquals("p = 0.683918", new FitResult("p", 0.6839183, 0.0, "m", "w", 1.0, 1).valueWithError());
    }
}
