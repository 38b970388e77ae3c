package org.critsweep.fit;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.commons.math3.special.Gamma;

/**
 * Which universality class the fitted exponents are consistent with. For each class, χ² = Σ ((est − class value) /
 * stderr)² over the k usable exponents and p = P(χ²_k ≥ χ²); the class values are taken as exact (their own errors
 * are far below ours). A class is consistent when p ≥ {@link #CONSISTENT_P}; the verdict names the consistent class
 * with the largest p, and is {@link #UNCLASSIFIED} when no class is consistent or no exponent is usable.
 */
public final class UniversalityVerdict {

    /** The stated rule: a class is consistent with the data when its p-value is at least this. */
    public static final double CONSISTENT_P = 0.01;
    public static final String UNCLASSIFIED = "unclassified";
    public static final String QUANTITY = "universality_class";
    public static final String METHOD = "chi2_consistency";

    private UniversalityVerdict() {
    }

    /**
     * @param fits any fitted rows; those whose quantity is one of {@link UniversalityClass#QUANTITIES} and whose
     *             stderr is finite and positive are used, each as one independent term (two δ fits count twice)
     */
    public static Verdict judge(List<FitResult> fits) {
        List<FitResult> used = fits.stream()
                .filter(f -> UniversalityClass.QUANTITIES.contains(f.quantity()))
                .filter(f -> Double.isFinite(f.stderr()) && f.stderr() > 0.0)
                .toList();
        if (used.isEmpty()) {
            return new Verdict(UNCLASSIFIED, null, Double.NaN, 0, Double.NaN, false, List.of(), used);
        }
        List<ClassComparison> comparisons = new ArrayList<>();
        for (UniversalityClass cls : UniversalityClass.values()) {
            double chi2 = chi2(cls, used);
            comparisons.add(new ClassComparison(cls, chi2, upperTail(chi2, used.size())));
        }
        comparisons.sort(Comparator.comparingDouble(ClassComparison::pValue).reversed()
                .thenComparingDouble(ClassComparison::chi2));
        ClassComparison nearest = comparisons.get(0);
        long consistent = comparisons.stream().filter(ClassComparison::consistent).count();
        boolean classified = consistent > 0;
        return new Verdict(classified ? nearest.cls().displayName() : UNCLASSIFIED, classified ? nearest.cls() : null,
                nearest.chi2(), used.size(), nearest.pValue(), consistent > 1, comparisons, used);
    }

    private static double chi2(UniversalityClass cls, List<FitResult> used) {
        double sum = 0.0;
        for (FitResult f : used) {
            double pull = (f.estimate() - cls.exponent(f.quantity())) / f.stderr();
            sum += pull * pull;
        }
        return sum;
    }

    /**
     * P(χ²_k ≥ χ²) = Q(k/2, χ²/2). This is 1 − {@code ChiSquaredDistribution.cumulativeProbability}, computed
     * directly so that p-values far below 10⁻¹⁶ (a rejected class) keep their size instead of cancelling to 0.
     */
    private static double upperTail(double chi2, int degreesOfFreedom) {
        return Gamma.regularizedGammaQ(degreesOfFreedom / 2.0, chi2 / 2.0);
    }

    /** One class's agreement with the data. */
    public record ClassComparison(UniversalityClass cls, double chi2, double pValue) {

        public boolean consistent() {
            return pValue >= CONSISTENT_P;
        }
    }

    /**
     * @param label         the best class's display name, or {@link #UNCLASSIFIED}
     * @param best          the best consistent class; null when unclassified
     * @param chi2          χ² of the best class, or of the nearest one when unclassified; NaN with no usable exponent
     * @param exponentsUsed k, the number of exponents in χ²
     * @param pValue        P(χ²_k ≥ chi2); NaN with no usable exponent
     * @param ambiguous     true when more than one class is consistent: the data cannot tell them apart
     * @param comparisons   every class, largest p-value first; empty with no usable exponent
     * @param used          the exponents that entered χ²
     */
    public record Verdict(String label, UniversalityClass best, double chi2, int exponentsUsed, double pValue,
                          boolean ambiguous, List<ClassComparison> comparisons, List<FitResult> used) {

        public Verdict {
            comparisons = List.copyOf(comparisons);
            used = List.copyOf(used);
        }

        /**
         * One line for the report, e.g. {@code mean field (chi2 = 1.23 for 2 exponents, p = 0.54; DP 2+1 p = 3.1e-05;
         * DP 1+1 p = 1.0e-40)}, with {@code also consistent:} before the classes the data cannot exclude, or
         * {@code unclassified (delta = 0.500 ± 0.010; nearest: mean field p = 1.1e-543)}.
         */
        public String describe() {
            if (comparisons.isEmpty()) {
                return UNCLASSIFIED + " (no usable exponent)";
            }
            ClassComparison nearest = comparisons.get(0);
            if (best == null) {
                String exponents = used.stream().map(FitResult::valueWithError).collect(Collectors.joining(", "));
                return String.format(Locale.ROOT, "%s (%s; nearest: %s p = %.2g)", UNCLASSIFIED, exponents,
                        nearest.cls().displayName(), nearest.pValue());
            }
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%s (chi2 = %.2f for %d exponent%s, "
                    + "p = %.2g", label, chi2, exponentsUsed, exponentsUsed == 1 ? "" : "s", pValue));
            for (ClassComparison other : comparisons.subList(1, comparisons.size())) {
                line.append(String.format(Locale.ROOT, "; %s%s p = %.2g", other.consistent() ? "also consistent: " : "",
                        other.cls().displayName(), other.pValue()));
            }
            return line.append(')').toString();
        }

        /**
         * The row for the {@code fits} table: estimate = the p-value of the named class (of the nearest one when
         * unclassified), window = {@link #describe()} and the exponents it judged (so it starts with the label),
         * quality = its χ², nUsed = k. Empty with no usable exponent, as there is then no p-value to report.
         */
        public Optional<FitResult> toFitResult() {
            if (exponentsUsed == 0) {
                return Optional.empty();
            }
            String exponents = used.stream().map(FitResult::valueWithError).collect(Collectors.joining(", "));
            return Optional.of(new FitResult(QUANTITY, pValue, Double.NaN, METHOD, describe() + " from " + exponents,
                    chi2, exponentsUsed));
        }
    }
}
