package org.critsweep.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.junit.jupiter.api.Test;

class UniversalityVerdictTest {

    private static final NormalDistribution NORMAL = new NormalDistribution();

    /** A measurement with a symmetric standard error and no bootstrap. */
    static ExponentEvidence normal(String quantity, double estimate, double stderr) {
        return new ExponentEvidence(quantity, estimate, stderr, Optional.empty(), 0.0, "synthetic");
    }

    /**
     * A lognormal bootstrap: n resamples at the quantiles exp(ln median + s Φ⁻¹((i + ½)/n)), so its percentiles are
     * known in closed form.
     */
    static ExponentEvidence lognormal(String quantity, double median, double s, int n) {
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            values[i] = median * Math.exp(s * NORMAL.inverseCumulativeProbability((i + 0.5) / n));
        }
        BootstrapDistribution b = new BootstrapDistribution(values, 0);
        return new ExponentEvidence(quantity, median, b.standardDeviation(), Optional.of(b), 0.0, "synthetic");
    }

    private static UniversalityVerdict.ClassComparison comparison(UniversalityVerdict.Verdict v,
                                                                  UniversalityClass cls) {
        return v.comparisons().stream().filter(c -> c.cls() == cls).findFirst().orElseThrow();
    }

    @Test
    void tableHasTheLiteratureExponents() {
        assertEquals(1.0, UniversalityClass.MEAN_FIELD.beta());
        assertEquals(0.5, UniversalityClass.MEAN_FIELD.nuPerp());
        assertEquals(1.0, UniversalityClass.MEAN_FIELD.nuPar());
        assertEquals(2.0, UniversalityClass.MEAN_FIELD.z());
        assertEquals(1.0, UniversalityClass.MEAN_FIELD.delta());
        assertEquals(0.0, UniversalityClass.MEAN_FIELD.theta());
        assertEquals(0.276486, UniversalityClass.DP_1_1.beta());
        assertEquals(1.096854, UniversalityClass.DP_1_1.nuPerp());
        assertEquals(1.733847, UniversalityClass.DP_1_1.nuPar());
        assertEquals(1.580745, UniversalityClass.DP_1_1.z());
        assertEquals(0.159464, UniversalityClass.DP_1_1.delta());
        assertEquals(0.313686, UniversalityClass.DP_1_1.theta());
        assertEquals(0.584, UniversalityClass.DP_2_1.beta());
        assertEquals(0.734, UniversalityClass.DP_2_1.nuPerp());
        assertEquals(1.295, UniversalityClass.DP_2_1.nuPar());
        assertEquals(1.766, UniversalityClass.DP_2_1.z());
        assertEquals(0.4505, UniversalityClass.DP_2_1.delta());
        assertEquals(0.2295, UniversalityClass.DP_2_1.theta());
        assertEquals(1.70, UniversalityClass.MN_1.beta());
        assertEquals(0.05, UniversalityClass.MN_1.value("beta").error());
        assertEquals(1.53, UniversalityClass.MN_1.z());
        assertEquals(1.10, UniversalityClass.MN_1.delta());
        assertTrue(Double.isNaN(UniversalityClass.MN_2.delta()), "2D MN δ is not tabulated");
        assertEquals("mean field", UniversalityClass.MEAN_FIELD.displayName());
        assertEquals("DP 1+1", UniversalityClass.DP_1_1.displayName());
        assertEquals("MN 1+1", UniversalityClass.MN_1.displayName());
    }

    /**
     * z = ν_∥/ν_⊥, δ = β/ν_∥ and the spreading hyperscaling θ = d/z − 2δ (DP, with d = 4 for mean field, its upper
     * critical dimension) or θ = d/z − δ (MN: the survival exponent is 0), each within the classes' own errors.
     */
    @Test
    void tableSatisfiesTheScalingRelations() {
        for (UniversalityClass cls : List.of(UniversalityClass.MEAN_FIELD, UniversalityClass.DP_1_1,
                UniversalityClass.DP_2_1, UniversalityClass.MN_1)) {
            double tolerance = switch (cls) {
                case DP_2_1 -> 2.5e-3;
                case MN_1 -> 0.05;
                default -> 1e-5;
            };
            assertEquals(cls.nuPar() / cls.nuPerp(), cls.z(), tolerance, cls + " z");
            assertEquals(cls.beta() / cls.nuPar(), cls.delta(), tolerance, cls + " delta");
        }
        assertEquals(4 / 2.0 - 2 * 1.0, UniversalityClass.MEAN_FIELD.theta(), 1e-12);
        assertEquals(1 / 1.580745 - 2 * 0.159464, UniversalityClass.DP_1_1.theta(), 1e-5);
        assertEquals(2 / 1.766 - 2 * 0.4505, UniversalityClass.DP_2_1.theta(), 2.5e-3);
        assertTrue(Double.isNaN(UniversalityClass.MN_1.theta()), "a field without an absorbing state has no threshold-free θ");
        UniversalityClass mn2 = UniversalityClass.MN_2;
        assertEquals(mn2.nuPar() / mn2.nuPerp(), mn2.z(), 0.02);
        assertThrows(IllegalArgumentException.class, () -> UniversalityClass.MEAN_FIELD.exponent("kappa"));
        assertThrows(IllegalArgumentException.class, () -> UniversalityClass.MEAN_FIELD.exponent("nu_perp"));
    }

    @Test
    void onlyTheClassesOfTheSystemsDimensionAreCandidates() {
        assertEquals(List.of(UniversalityClass.MEAN_FIELD), UniversalityClass.forDimension(0));
        assertEquals(List.of(UniversalityClass.MEAN_FIELD, UniversalityClass.DP_1_1, UniversalityClass.MN_1),
                UniversalityClass.forDimension(1));
        assertEquals(List.of(UniversalityClass.MEAN_FIELD, UniversalityClass.DP_2_1, UniversalityClass.MN_2),
                UniversalityClass.forDimension(2));
        assertThrows(IllegalArgumentException.class, () -> UniversalityClass.forDimension(3));
        UniversalityVerdict.Verdict lattice = UniversalityVerdict.judge(List.of(normal("delta", 0.16, 0.01)), 1);
        assertEquals(List.of(UniversalityClass.MEAN_FIELD, UniversalityClass.DP_1_1, UniversalityClass.MN_1),
                lattice.comparisons().stream().map(UniversalityVerdict.ClassComparison::cls).toList());
        assertTrue(lattice.rivals().isEmpty(), "a 1D lattice is not compared with DP 2+1");
    }

    /** Without a bootstrap: p = 2Φ(−|v − est|/w), w² = stderr² + class error² + systematic². */
    /**
     * Spreading exponents compare with the absorbing-state classes only: DP 1+1's δ′, θ and z exclude mean field, but
     * not the 1D multiplicative-noise class, whose field never dies; its pair-protocol δ = 1.10 does.
     */
    @Test
    void spreadingExponentsCannotExcludeTheMultiplicativeNoiseClass() {
        List<ExponentEvidence> spreading = List.of(normal("delta_survival", 0.16, 0.01), normal("theta", 0.31, 0.02),
                normal("z_spreading", 1.58, 0.03));
        UniversalityVerdict.Verdict alone = UniversalityVerdict.judge(spreading, 1);
        assertEquals("ambiguous: DP 1+1 or MN 1+1", alone.label());
        assertTrue(Double.isNaN(comparison(alone, UniversalityClass.MN_1).pValue()));
        List<ExponentEvidence> withPair = new java.util.ArrayList<>(spreading);
        withPair.add(normal("delta", 0.17, 0.03));
        assertEquals("DP 1+1", UniversalityVerdict.judge(withPair, 1).label());
        List<ExponentEvidence> neither = List.of(normal("delta_survival", 0.003, 0.001), normal("theta", 0.62, 0.01));
        UniversalityVerdict.Verdict untested = UniversalityVerdict.judge(neither, 1);
        assertEquals("undetermined", untested.label(), "MN 1+1 is consistent only because nothing tests it");
        assertTrue(untested.describe().contains("tabulates none of these exponents"), untested.describe());
        assertTrue(untested.toFitResults().stream().allMatch(r -> Double.isFinite(r.estimate())));
    }

    @Test
    void aVanishingPValuePrintsAsABoundNotAsZero() {
        // delta = 1.00 +- 0.001 puts DP 1+1 (0.159) 840 standard errors away: p underflows to 0 exactly.
        UniversalityVerdict.Verdict v = UniversalityVerdict.judge(List.of(normal("delta", 1.0, 0.001)), 1);
        assertEquals(0.0, comparison(v, UniversalityClass.DP_1_1).pValue());
        String window = v.toFitResults().stream().filter(r -> r.quantity().equals("universality_p_dp_1_1"))
                .findFirst().orElseThrow().window();
        assertTrue(window.contains("delta p < 1e-16"), window);
        assertTrue(v.describe().contains("DP 1+1 p < 1e-16"), v.describe());
        assertTrue(v.describe().contains("mean field p = 1"), v.describe());
    }

    @Test
    void aSymmetricErrorGivesTheNormalTwoSidedPValue() {
        UniversalityClass.Value exact = new UniversalityClass.Value(1.2, 0.0);
        assertEquals(2 * NORMAL.cumulativeProbability(-2.0), ClassPValue.of(normal("z", 1.0, 0.1)).pValue(exact),
                1e-12);
        UniversalityClass.Value uncertain = new UniversalityClass.Value(1.2, 0.1);
        assertEquals(2 * NORMAL.cumulativeProbability(-0.2 / Math.sqrt(0.02)),
                ClassPValue.of(normal("z", 1.0, 0.1)).pValue(uncertain), 1e-12);
        ExponentEvidence withSystematic = new ExponentEvidence("z", 1.0, 0.1, Optional.empty(), 0.1, "s");
        assertEquals(2 * NORMAL.cumulativeProbability(-0.2 / Math.sqrt(0.03)),
                ClassPValue.of(withSystematic).pValue(uncertain), 1e-12);
    }

    /**
     * The quickstart δ = 0.88 with 95 % interval [0.53, 1.73]: a lognormal bootstrap of width 0.3 about 0.88
     * (interval [0.49, 1.58]). Its percentiles put DP 1+1's 0.159 at p ≈ 2Φ(−5.7), far out, where the symmetric
     * 0.88 ± 0.29 left it at p = 0.013; either end of the 95 % interval has p ≈ 0.05 (0.058: the kernel widens the
     * distribution by 3 %) and the median p ≈ 1.
     */
    @Test
    void aSkewedBootstrapIsReadByItsPercentiles() {
        ExponentEvidence delta = lognormal("delta", 0.88, 0.3, 2000);
        UniversalityClass.Value dp = UniversalityClass.DP_1_1.value("delta");
        assertTrue(ClassPValue.of(delta).pValue(dp) < 1e-4, "p = " + ClassPValue.of(delta).pValue(dp));
        assertTrue(ClassPValue.of(normal("delta", 0.88, 0.29)).pValue(dp) > 0.01);
        for (double end : new double[] {-1.959963984540054, 1.959963984540054}) {
            double p = ClassPValue.of(delta).pValue(new UniversalityClass.Value(0.88 * Math.exp(0.3 * end), 0.0));
            assertTrue(p >= 0.05 && p <= 0.065, "the kernel widens a little, never narrows: p = " + p);
        }
        assertEquals(1.0, ClassPValue.of(delta).pValue(new UniversalityClass.Value(0.88, 0.0)), 0.01);
    }

    /** A class's p is m · min of its m per-exponent p-values (Bonferroni), capped at 1. */
    @Test
    void perExponentPValuesCombineByBonferroni() {
        List<ExponentEvidence> data = List.of(normal("delta", 1.0, 0.1), normal("z", 1.9, 0.05));
        UniversalityVerdict.Verdict verdict = UniversalityVerdict.judge(data, 1);
        double pDelta = 1.0;
        double pZ = 2 * NORMAL.cumulativeProbability(-0.1 / 0.05);
        assertEquals(Math.min(1.0, 2 * Math.min(pDelta, pZ)),
                comparison(verdict, UniversalityClass.MEAN_FIELD).pValue(), 1e-9);
        double pDeltaMn = 2 * NORMAL.cumulativeProbability(-0.1 / Math.hypot(0.1, 0.05));
        double pZMn = 2 * NORMAL.cumulativeProbability(-0.37 / Math.hypot(0.05, 0.07));
        assertEquals(2 * Math.min(pDeltaMn, pZMn), comparison(verdict, UniversalityClass.MN_1).pValue(), 1e-9);
    }

    @Test
    void aClassIsNamedOnlyWhenItAloneIsConsistent() {
        List<ExponentEvidence> dp = List.of(normal("delta", 0.16, 0.01), normal("theta", 0.31, 0.02),
                normal("z", 1.58, 0.03));
        UniversalityVerdict.Verdict verdict = UniversalityVerdict.judge(dp, 1);
        assertEquals(UniversalityVerdict.Outcome.NAMED, verdict.outcome());
        assertEquals("DP 1+1", verdict.label());
        assertEquals(Optional.of(UniversalityClass.DP_1_1), verdict.named());
        assertTrue(verdict.describe().startsWith("DP 1+1 (mean field p "), verdict.describe());
        assertTrue(verdict.describe().contains("; MN 1+1 p "), verdict.describe());
        assertTrue(comparison(verdict, UniversalityClass.MEAN_FIELD).pValue() < 1e-100);
    }

    /** δ alone cannot tell mean field (1) from MN 1+1 (1.10 ± 0.05), but it does reject DP 1+1. */
    @Test
    void twoConsistentClassesAreAmbiguous() {
        UniversalityVerdict.Verdict verdict = UniversalityVerdict.judge(List.of(normal("delta", 1.05, 0.04)), 1);
        assertEquals(UniversalityVerdict.Outcome.AMBIGUOUS, verdict.outcome());
        assertEquals("ambiguous: mean field or MN 1+1", verdict.label());
        assertTrue(verdict.named().isEmpty());
        double dp = comparison(verdict, UniversalityClass.DP_1_1).pValue();
        assertTrue(dp > 0.0 && dp < 1e-50, "a rejected class keeps its tiny p (22 sigma): " + dp);
    }

    /**
     * The pair-protocol run, δ = 0.28 ± 4.9 and 1.36 ± 7.5, is unconstrained; δ = 0.5 ± 0.24, between the
     * classes, is within 2.1, 1.4 and 2.4 standard errors of mean field, DP 1+1 and MN 1+1 and excludes none.
     */
    @Test
    void noiseThatExcludesNothingIsUndetermined() {
        UniversalityVerdict.Verdict noise = UniversalityVerdict.judge(List.of(normal("delta", 0.28, 4.9),
                normal("delta", 1.36, 7.5)), 1);
        assertEquals(UniversalityVerdict.Outcome.UNDETERMINED, noise.outcome());
        assertTrue(noise.describe().startsWith("undetermined (no usable exponent; left out as unconstrained: delta"),
                noise.describe());
        UniversalityVerdict.Verdict verdict = UniversalityVerdict.judge(List.of(normal("delta", 0.5, 0.24)), 1);
        assertEquals(UniversalityVerdict.Outcome.UNDETERMINED, verdict.outcome());
        assertTrue(verdict.describe().startsWith("undetermined (the data exclude no class; mean field p = 0.037"),
                verdict.describe());
        UniversalityVerdict.Verdict none = UniversalityVerdict.judge(List.of(normal("delta", 0.6, 0.01)), 1);
        assertEquals("undetermined", none.label());
        assertTrue(none.describe().startsWith("undetermined (no class consistent; "), none.describe());
    }

    /**
     * An MLP's one candidate is mean field: it is named when the data also reject a lattice class (the power check),
     * and undetermined when they are too noisy to reject any.
     */
    @Test
    void anMlpIsMeanFieldOnlyWhenTheDataCouldHaveSaidOtherwise() {
        UniversalityVerdict.Verdict sharp = UniversalityVerdict.judge(List.of(lognormal("delta", 0.88, 0.3, 400),
                normal("beta", 0.98, 0.05)), 0);
        assertEquals("mean field", sharp.label());
        assertEquals(List.of(UniversalityClass.MEAN_FIELD), sharp.comparisons().stream()
                .map(UniversalityVerdict.ClassComparison::cls).toList());
        assertEquals(4, sharp.rivals().size());
        assertTrue(sharp.describe().contains("power check against the lattice classes: DP 1+1 p "),
                sharp.describe());
        UniversalityVerdict.Verdict vague = UniversalityVerdict.judge(List.of(normal("delta", 0.9, 3.0)), 0);
        assertEquals("undetermined", vague.label());
    }

    /** 2D MN does not tabulate δ: with δ alone it cannot be excluded, so DP 2+1 is not named. */
    @Test
    void aClassWithoutTheMeasuredExponentCannotBeExcluded() {
        UniversalityVerdict.Verdict verdict = UniversalityVerdict.judge(List.of(normal("delta", 0.45, 0.01)), 2);
        assertEquals("ambiguous: DP 2+1 or MN 2+1", verdict.label());
        assertTrue(Double.isNaN(comparison(verdict, UniversalityClass.MN_2).pValue()));
        assertTrue(verdict.describe().contains("MN 2+1 p = n/a"), verdict.describe());
        UniversalityVerdict.Verdict withZ = UniversalityVerdict.judge(List.of(normal("delta", 0.45, 0.01),
                normal("z", 1.77, 0.02)), 2);
        assertEquals("DP 2+1", withZ.label());
    }

    @Test
    void theFitsRowsHoldTheVerdictAndEachClassesPValue() {
        UniversalityVerdict.Verdict verdict = UniversalityVerdict.judge(List.of(normal("delta", 1.05, 0.04)), 1);
        List<FitResult> rows = verdict.toFitResults();
        FitResult row = rows.get(0);
        assertEquals("universality_class", row.quantity());
        assertEquals(UniversalityVerdict.METHOD, row.method());
        assertTrue(row.window().startsWith("ambiguous: mean field or MN 1+1 (mean field p = "), row.window());
        assertTrue(row.window().endsWith(" from delta = 1.05 [0.972, 1.13]"), row.window());
        assertEquals(comparison(verdict, UniversalityClass.MN_1).pValue(), row.estimate(), 1e-12,
                "the most consistent candidate's p");
        assertEquals(2.0, row.quality(), "two consistent candidates");
        assertEquals(1, row.nUsed());
        assertEquals(List.of("mean field: delta p ", "DP 1+1: delta p ", "MN 1+1: delta p "),
                rows.subList(1, 4).stream().map(r -> r.window().substring(0, r.window().indexOf(" p ") + 3)).toList());
        assertEquals(comparison(verdict, UniversalityClass.DP_1_1).pValue(), rows.get(2).estimate());
        assertEquals("universality_p_dp_1_1", rows.get(2).quantity());
    }

    @Test
    void withoutUsableExponentsTheVerdictIsUndeterminedAndHasNoRow() {
        List<ExponentEvidence> unusable = List.of(normal("kappa", 0.23, 0.01), normal("delta", 1.0, Double.NaN),
                normal("beta", 1.0, 0.0));
        for (List<ExponentEvidence> evidence : List.of(List.<ExponentEvidence>of(), unusable)) {
            UniversalityVerdict.Verdict verdict = UniversalityVerdict.judge(evidence, 1);
            assertEquals("undetermined", verdict.label());
            assertTrue(verdict.used().isEmpty());
            assertTrue(verdict.toFitResults().isEmpty());
            assertEquals("undetermined (no usable exponent)", verdict.describe());
        }
    }

    @Test
    void anUnconstrainedExponentIsLeftOutAndNamedWhereAConstrainedOneOfTheSameValueDecides() {
        ExponentEvidence delta = normal("delta", 1.0, 0.05);
        UniversalityVerdict.Verdict alone = UniversalityVerdict.judge(List.of(delta), 0);
        UniversalityVerdict.Verdict planted = UniversalityVerdict.judge(List.of(delta, normal("z", 2e-10, 0.46)), 0);
        assertEquals("mean field", alone.label());
        assertEquals(alone.label(), planted.label());
        assertEquals(alone.comparisons(), planted.comparisons(), "the same p-values: z takes no part");
        assertEquals(alone.rivals(), planted.rivals());
        assertEquals(List.of("z"), planted.skipped().stream().map(ExponentEvidence::quantity).toList());
        assertEquals(List.of(delta), planted.used());
        assertTrue(planted.describe().endsWith("; left out as unconstrained: z = 2.00e-10 [-0.902, 0.902])"),
                planted.describe());
        assertEquals("z = 2.00e-10 [-0.902, 0.902]",
                UniversalityVerdict.skippedIn(planted.toFitResults().get(0).window()).orElseThrow());
        assertEquals("mean field", UniversalityVerdict.labelOf(planted.toFitResults().get(0).window()));
        // the same z known to 0.09 (constrained: below 0.1) is 22 standard errors from mean field's 2 and rejects it
        UniversalityVerdict.Verdict decided = UniversalityVerdict.judge(List.of(delta, normal("z", 2e-10, 0.09)), 0);
        assertEquals("undetermined", decided.label());
        assertTrue(decided.skipped().isEmpty());
        assertTrue(UniversalityVerdict.skippedIn(decided.toFitResults().get(0).window()).isEmpty());
    }

    @Test
    void withOnlyUnconstrainedExponentsTheVerdictNamesThemAndHasNoRow() {
        UniversalityVerdict.Verdict verdict = UniversalityVerdict.judge(List.of(normal("delta", 1.0, 0.8)), 1);
        assertEquals("undetermined (no usable exponent; left out as unconstrained: delta = 1.00 [-0.568, 2.57])",
                verdict.describe());
        assertTrue(verdict.toFitResults().isEmpty());
    }
}
