package org.critsweep.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Hand-worked cases of the value(error) notation and its rounding rule. */
class ConciseTest {

    @Test
    void anErrorWhoseLeadingDigitsAreBelow355KeepsTwoDigits() {
        assertEquals("1.4483(26)", Concise.format(1.44833, 0.00258572));  // 259 -> 0.0026
        assertEquals("1.3936(17)", Concise.format(1.39364, 0.00165298));  // 165 -> 0.0017
        assertEquals("0.88(29)", Concise.format(0.880474, 0.294476));     // 294 -> 0.29
        assertEquals("-1.05(11)", Concise.format(-1.05233, 0.107988));    // 108 -> 0.11
        assertEquals("0.5000(35)", Concise.format(0.5, 0.00354));         // 354: the last two-digit case
    }

    @Test
    void anErrorFrom355To949KeepsOneDigitAndFrom950RoundsUpToTen() {
        assertEquals("0.56(4)", Concise.format(0.555261, 0.0366808));     // 367 -> 0.04
        assertEquals("0.500(4)", Concise.format(0.5, 0.00355));           // 355: the first one-digit case
        assertEquals("0.500(9)", Concise.format(0.5, 0.0094));            // 940 -> 0.009
        assertEquals("0.500(10)", Concise.format(0.5, 0.0096));           // 960 -> 0.010
        assertEquals("0.500(9)", Concise.format(0.5, 0.009499));          // 950 picks the place, 0.009499 rounds to 9
        assertEquals("1.4072(10)", Concise.format(1.40723, 0.00104546));  // 105: two digits of 0.00104546, not of 0.00105
    }

    @Test
    void halvesRoundAwayFromZero() {
        assertEquals("0.13(5)", Concise.format(0.125, 0.05));             // 0.125 is exact in binary
        assertEquals("-0.13(5)", Concise.format(-0.125, 0.05));
    }

    @Test
    void anErrorLeftOfTheDecimalPointIsWrittenWholeAndTinyOrHugeNumbersShareAPowerOfTen() {
        assertEquals("12350(230)", Concise.format(12345.6, 234));         // last digit: the tens
        assertEquals("1235(23)", Concise.format(1234.5, 23.4));
        assertEquals("1.23(6)e-7", Concise.format(1.234e-7, 5.6e-9));     // 0.056 in units of 1e-7 -> 560
        assertEquals("1.500(20)e6", Concise.format(1.5e6, 2e4));
    }

    @Test
    void aValueNearZeroIsRoundedToItsError() {
        assertEquals("0.012(34)", Concise.format(0.012, 0.034));          // constrained: 0.034 < 0.1
        assertEquals("0.000(12)", Concise.format(-0.0001, 0.012));
    }

    @Test
    void anUnconstrainedValueKeepsOneDigitOfEachAndIsFlagged() {
        assertEquals("0.5 ± 5e3 (unconstrained)", Concise.format(0.51494, 5391.77));
        assertEquals("2e-10 ± 0.5 (unconstrained)", Concise.format(2e-10, 0.46));
        assertEquals("1 ± inf (unconstrained)", Concise.format(1.44833, Double.POSITIVE_INFINITY));
    }

    @Test
    void withoutAPositiveErrorTheValueKeepsSixDigitsAndSaysSo() {
        assertEquals("1.44833 (no error)", Concise.format(1.448331, Double.NaN));
        assertEquals("0.2335 (no error)", Concise.format(0.2335, 0.0));
        assertEquals("-", Concise.format(Double.NaN, 0.1));
    }

    @Test
    void aTabulatedValueIsBareWhenExact() {
        assertEquals("1", Concise.exactOr(1.0, 0.0));
        assertEquals("0.159464(6)", Concise.exactOr(0.159464, 6e-6));
        assertEquals("0.4505(10)", Concise.exactOr(0.4505, 1e-3));
        assertEquals("-", Concise.exactOr(Double.NaN, Double.NaN));
    }

    @Test
    void theErrorAndTheIntervalAreRoundedToTheValuesLastDigit() {
        assertEquals("0.0026", Concise.sameDigits(0.00258572, 1.44833, 0.00258572));
        assertEquals("1.4429", Concise.sameDigits(1.44294, 1.44833, 0.00258572));
        assertEquals("1.45", Concise.sameDigits(1.453, 1.3, 0.05));
        assertEquals("5391.77", Concise.sameDigits(5391.77, 0.51494, 5391.77));  // unconstrained: six digits
        assertEquals("-", Concise.sameDigits(Double.NaN, 1.0, 0.1));
    }
}
