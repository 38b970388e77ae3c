package org.critsweep.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apache.commons.math3.distribution.ChiSquaredDistribution;
import org.junit.jupiter.api.Test;

class UniversalityVerdictTest {

    static FitResult exponent(String quantity, double estimate, double stderr) {
        return new FitResult(quantity, estimate, stderr, "synthetic", "test", 1.0, 10);
    }

    static final List<FitResult> MEAN_FIELD_DATA = List.of(exponent("delta", 1.00, 0.03), exponent("beta", 0.98, 0.05),
            exponent("nu_par", 1.03, 0.05));

    @Test
    void tableHasTheLiteratureExponents() {
        assertEquals(1.0, UniversalityClass.MEAN_FIELD.beta());
        assertEquals(0.5, UniversalityClass.MEAN_FIELD.nuPerp());
        assertEquals(1.0, UniversalityClass.MEAN_FIELD.nuPar());
        assertEquals(2.0, UniversalityClass.MEAN_FIELD.z());
        assertEquals(1.0, UniversalityClass.MEAN_FIELD.delta());
        assertEquals(0.276486, UniversalityClass.DP_1_1.beta());
        assertEquals(1.096854, UniversalityClass.DP_1_1.nuPerp());
        assertEquals(1.733847, UniversalityClass.DP_1_1.nuPar());
        assertEquals(1.580745, UniversalityClass.DP_1_1.z());
        assertEquals(0.159464, UniversalityClass.DP_1_1.delta());
        assertEquals(0.584, UniversalityClass.DP_2_1.beta());
        assertEquals(0.734, UniversalityClass.DP_2_1.nuPerp());
        assertEquals(1.295, UniversalityClass.DP_2_1.nuPar());
        assertEquals(1.766, UniversalityClass.DP_2_1.z());
        assertEquals(0.4505, UniversalityClass.DP_2_1.delta());
        assertEquals("mean field", UniversalityClass.MEAN_FIELD.displayName());
        assertEquals("DP 1+1", UniversalityClass.DP_1_1.displayName());
        assertEquals("DP 2+1", UniversalityClass.DP_2_1.displayName());
    }

    /**
     * z = ν_∥/ν_⊥ and δ = β/ν_∥. DP 2+1's tabulated exponents are each rounded to three digits, so their ratios agree
     * only to 2·10⁻³ (1.295/0.734 = 1.7643 against z = 1.766); the other two classes agree to 10⁻⁶.
     */
    @Test
    void tableSatisfiesTheScalingRelations() {
        for (UniversalityClass cls : UniversalityClass.values()) {
            double tolerance = cls == UniversalityClass.DP_2_1 ? 2e-3 : 1e-6;
            assertEquals(cls.nuPar() / cls.nuPerp(), cls.z(), tolerance, cls + " z");
            assertEquals(cls.beta() / cls.nuPar(), cls.delta(), tolerance, cls + " delta");
            assertEquals(cls.delta(), cls.exponent("delta"));
            assertEquals(cls.beta(), cls.exponent("beta"));
            assertEquals(cls.nuPar(), cls.exponent("nu_par"));
            assertEquals(cls.z(), cls.exponent("z"));
        }
        assertThrows(IllegalArgumentException.class, () -> UniversalityClass.MEAN_FIELD.exponent("kappa"));
    }

    @Test
    void meanFieldExponentsAreMeanField() {
        UniversalityVerdict.Verdict verdict = UniversalityVerdict.judge(MEAN_FIELD_DATA);
        assertEquals("mean field", verdict.label());
        assertEquals(UniversalityClass.MEAN_FIELD, verdict.best());
        assertEquals(3, verdict.exponentsUsed());
        assertFalse(verdict.ambiguous());
        // by hand: (0/0.03)² + (−0.02/0.05)² + (0.03/0.05)² = 0 + 0.16 + 0.36
        assertEquals(0.52, verdict.chi2(), 1e-12);
        assertEquals(1.0 - new ChiSquaredDistribution(3).cumulativeProbability(0.52), verdict.pValue(), 1e-12);
        assertTrue(verdict.describe().startsWith("mean field (chi2 = 0.52 for 3 exponents, p = 0.91; "),
                verdict.describe());
    }

    @Test
    void directedPercolationExponentsAreDp11() {
        List<FitResult> dp = List.of(exponent("delta", 0.16, 0.005), exponent("beta", 0.28, 0.02),
                exponent("nu_par", 1.70, 0.05), exponent("z", 1.58, 0.03));
        UniversalityVerdict.Verdict verdict = UniversalityVerdict.judge(dp);
        assertEquals("DP 1+1", verdict.label());
        assertEquals(UniversalityClass.DP_1_1, verdict.best());
        assertFalse(verdict.ambiguous());
        double chi2 = 0.0;
        for (FitResult f : dp) {
            double pull = (f.estimate() - UniversalityClass.DP_1_1.exponent(f.quantity())) / f.stderr();
            chi2 += pull * pull;
        }
        assertEquals(chi2, verdict.chi2(), 1e-12);
        assertEquals(4, verdict.exponentsUsed());
        assertEquals(3, verdict.comparisons().size());
        assertEquals(UniversalityClass.DP_1_1, verdict.comparisons().get(0).cls());
        assertTrue(verdict.comparisons().get(1).pValue() < UniversalityVerdict.CONSISTENT_P);
    }

    @Test
    void aDeltaOfOneHalfIsNoKnownClass() {
        UniversalityVerdict.Verdict verdict = UniversalityVerdict.judge(List.of(exponent("delta", 0.5, 0.01)));
        assertEquals("unclassified", verdict.label());
        assertNull(verdict.best());
        assertEquals(1, verdict.exponentsUsed());
        // nearest is DP 2+1: ((0.5 − 0.4505)/0.01)² = 4.95² = 24.5025
        assertEquals(UniversalityClass.DP_2_1, verdict.comparisons().get(0).cls());
        assertEquals(24.5025, verdict.chi2(), 1e-9);
        assertTrue(verdict.describe().startsWith("unclassified (delta = 0.500 ± 0.010; nearest: DP 2+1 p = "),
                verdict.describe());
        FitResult row = verdict.toFitResult().orElseThrow();
        assertEquals("universality_class", row.quantity());
        assertEquals("chi2_consistency", row.method());
        assertTrue(row.window().startsWith("unclassified (delta = 0.500 ± 0.010; nearest: DP 2+1"), row.window());
        assertTrue(row.window().endsWith(" from delta = 0.500 ± 0.010"), row.window());
        assertEquals(verdict.pValue(), row.estimate());
        assertEquals(24.5025, row.quality(), 1e-9);
        assertEquals(1, row.nUsed());
        assertTrue(Double.isNaN(row.stderr()));
    }

    @Test
    void withoutUsableExponentsThereIsNoVerdict() {
        List<FitResult> unusable = List.of(exponent("kappa", 0.23, 0.01), exponent("delta", 1.0, Double.NaN),
                exponent("beta", 1.0, 0.0));
        for (List<FitResult> fits : List.of(List.<FitResult>of(), unusable)) {
            UniversalityVerdict.Verdict verdict = UniversalityVerdict.judge(fits);
            assertEquals("unclassified", verdict.label());
            assertNull(verdict.best());
            assertEquals(0, verdict.exponentsUsed());
            assertTrue(verdict.toFitResult().isEmpty());
            assertEquals("unclassified (no usable exponent)", verdict.describe());
        }
    }

    @Test
    void hugeErrorsCannotTellClassesApart() {
        UniversalityVerdict.Verdict verdict = UniversalityVerdict.judge(List.of(exponent("delta", 0.6, 0.5),
                exponent("beta", 0.6, 0.5)));
        assertTrue(verdict.ambiguous());
        assertEquals("DP 2+1", verdict.label(), "(0.6 − 0.4505)² + (0.6 − 0.584)² is the smallest χ²·0.25");
        assertTrue(verdict.describe().contains("also consistent: "), verdict.describe());
        FitResult row = verdict.toFitResult().orElseThrow();
        assertTrue(row.window().startsWith("DP 2+1 (chi2 = ") && row.window().contains("also consistent: "),
                row.window());
        assertEquals(2, row.nUsed());
    }

    @Test
    void rejectedClassesKeepTheirTinyPValue() {
        UniversalityVerdict.Verdict verdict = UniversalityVerdict.judge(MEAN_FIELD_DATA);
        UniversalityVerdict.ClassComparison dp11 = verdict.comparisons().stream()
                .filter(c -> c.cls() == UniversalityClass.DP_1_1).findFirst().orElseThrow();
        assertTrue(dp11.pValue() > 0.0 && dp11.pValue() < 1e-100, "p = " + dp11.pValue());
    }
}
