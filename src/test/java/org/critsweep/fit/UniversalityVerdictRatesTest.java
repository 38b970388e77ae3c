package org.critsweep.fit;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The verdict measured on planted data (PHYSICS.md §7): {@value #SETS} synthetic measurement sets per case, each
 * exponent an estimate and {@value #RESAMPLES} bootstrap resamples drawn so that the percentile interval is exact —
 * ln(x + c) of the estimate is normal about ln(t + c) of the planted t, and the resamples are normal about the
 * estimate's, with the same width s (c = 0, or 1 for θ, which can be negative). The distributions are skewed as a real
 * bootstrap's: s = 0.3 gives the quickstart's δ = 0.88 an interval [0.49, 1.58] (its real one: [0.53, 1.73]).
 *
 * <ul>
 *   <li>(a) a 1D lattice in DP 1+1, quickstart noise s ∈ [0.2, 0.35], δ plus a random subset of β, ν_∥, z, θ;</li>
 *   <li>(b) a 1D lattice in mean field, a precise campaign (s ∈ [0.03, 0.08]) with all five exponents — mean field
 *       and MN 1+1 share δ ≈ 1, so only β, ν_∥, z, θ tell them apart;</li>
 *   <li>(c) a 1D lattice in any of its three classes (MN's planted values drawn within its literature errors), noise
 *       too large to decide: s ∈ [1, 2];</li>
 *   <li>(d) an MLP (mean field) with quickstart noise on δ, β, ν_∥.</li>
 * </ul>
 *
 * <p>Measured with seed 16 (false = a single class named that is not the planted one; correct = the planted class
 * named): (a) correct 495/500, false 0/500; (b) correct 494/500, false 0/500; (c) false 3/501, correct 11/501,
 * undetermined or ambiguous 487/501; (d) correct 492/500, false 0/500. The planted class itself was rejected (p < 0.01)
 * in 5, 6, 7 and 7 sets of (a)–(d): about the nominal 1 %. A false verdict needs that and a lone other consistent
 * class, so it is rarer still: 3 in 2001 sets overall (one-sided 95 % bound 0.39 %; 0/500 alone bounds a case's rate
 * by 0.6 %). The test enforces false ≤ 1 % in every case, correct ≥ 95 % in (a), (b), (d), and undetermined or
 * ambiguous ≥ 90 % in (c). It fails for the rule "name the class with the largest p" and for the old "name the most
 * consistent class even when others are consistent": both give 224 false verdicts in (c).
 */
class UniversalityVerdictRatesTest {

    static final int SETS = 500;
    static final int RESAMPLES = 200;
    private static final long SEED = 16;
    private static final List<String> OPTIONAL = List.of("beta", "nu_par", "z", "theta");

    /** One case: the planted class, the noise range, which exponents, and the dimension. */
    private record Case(String name, UniversalityClass truth, double sLow, double sHigh, boolean allExponents,
                        int dimension) {
    }

    private record Rates(int correct, int wrong, int undecided) {
    }

    @Test
    void dp11WithQuickstartNoiseIsNamedDp11() {
        Rates r = measure(new Case("a", UniversalityClass.DP_1_1, 0.2, 0.35, false, 1));
        assertTrue(r.wrong() <= SETS / 100, "false " + r);
        assertTrue(r.correct() >= 0.95 * SETS, "correct " + r);
    }

    @Test
    void meanFieldMeasuredPreciselyIsNamedMeanField() {
        Rates r = measure(new Case("b", UniversalityClass.MEAN_FIELD, 0.03, 0.08, true, 1));
        assertTrue(r.wrong() <= SETS / 100, "false " + r);
        assertTrue(r.correct() >= 0.95 * SETS, "correct " + r);
    }

    @Test
    void noiseTooLargeToDecideNamesNoWrongClass() {
        int wrong = 0;
        int undecided = 0;
        UniversalityClass[] truths = {UniversalityClass.MEAN_FIELD, UniversalityClass.DP_1_1, UniversalityClass.MN_1};
        for (UniversalityClass truth : truths) {
            Rates r = measure(new Case("c/" + truth.name(), truth, 1.0, 2.0, false, 1), SETS / truths.length + 1);
            wrong += r.wrong();
            undecided += r.undecided();
        }
        assertTrue(wrong <= SETS / 100, "false " + wrong);
        assertTrue(undecided >= 0.9 * SETS, "undetermined or ambiguous " + undecided);
    }

    @Test
    void anMlpWithQuickstartNoiseIsNamedMeanField() {
        Rates r = measure(new Case("d", UniversalityClass.MEAN_FIELD, 0.2, 0.35, true, 0));
        assertTrue(r.wrong() <= SETS / 100, "false " + r);
        assertTrue(r.correct() >= 0.95 * SETS, "correct " + r);
    }

    private static Rates measure(Case c) {
        return measure(c, SETS);
    }

    private static Rates measure(Case c, int sets) {
        int correct = 0;
        int wrong = 0;
        for (int i = 0; i < sets; i++) {
            SplittableRandom random = new SplittableRandom(SEED * 0x9E3779B97F4A7C15L
                    + (c.name() + "/" + i).hashCode());
            Optional<UniversalityClass> named = UniversalityVerdict.judge(set(c, random), c.dimension()).named();
            if (named.isPresent()) {
                if (named.get() == c.truth()) {
                    correct++;
                } else {
                    wrong++;
                }
            }
        }
        return new Rates(correct, wrong, sets - correct - wrong);
    }

    private static List<ExponentEvidence> set(Case c, SplittableRandom random) {
        List<String> quantities = new ArrayList<>(List.of("delta"));
        for (String q : OPTIONAL) {
            boolean inMlp = c.dimension() > 0 || q.equals("beta") || q.equals("nu_par");
            if (inMlp && (c.allExponents() || random.nextBoolean())) {
                quantities.add(q);
            }
        }
        List<ExponentEvidence> set = new ArrayList<>();
        for (String q : quantities) {
            UniversalityClass.Value planted = c.truth().value(q);
            double truth = planted.value() + planted.error() * gaussian(random);
            double s = c.sLow() + (c.sHigh() - c.sLow()) * random.nextDouble();
            set.add(measurement(q, truth, s, random));
        }
        return set;
    }

    /** The estimate and its resamples in y = ln(x + c): normal about the truth, then about the estimate. */
    private static ExponentEvidence measurement(String quantity, double truth, double s, SplittableRandom random) {
        double shift = quantity.equals("theta") ? 1.0 : 0.0;
        double y = Math.log(truth + shift) + s * gaussian(random);
        double[] resamples = new double[RESAMPLES];
        for (int i = 0; i < RESAMPLES; i++) {
            resamples[i] = Math.exp(y + s * gaussian(random)) - shift;
        }
        BootstrapDistribution b = new BootstrapDistribution(resamples, 0);
        return new ExponentEvidence(quantity, Math.exp(y) - shift, b.standardDeviation(), Optional.of(b), 0.0,
                "synthetic");
    }

    private static double gaussian(SplittableRandom random) {
        return Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
    }
}
