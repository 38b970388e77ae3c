package org.critsweep.fit;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Which universality class the measured exponents decide (PHYSICS.md §7). Each exponent gives a two-sided p-value per
 * class ({@link ClassPValue}: the class value's place in the bootstrap distribution, widened by the class's error and
 * the systematic). A class's p is the smallest of its m exponents' p-values times m (Bonferroni, capped at 1): valid
 * however the exponents are correlated, as they are when they come from the same replicas. A class is consistent at
 * p ≥ {@link #CONSISTENT_P}; an exponent the class does not tabulate is skipped, and a class with none left cannot be
 * excluded. An unconstrained exponent ({@link FitConstraint}) is left out of every class and named in the verdict.
 *
 * <p>Only the classes of the system's dimension are candidates ({@link UniversalityClass#forDimension}). The verdict
 * names a class only when it is the only consistent candidate and the data reject some class — for a lattice that is
 * another candidate; for an MLP, whose one candidate is mean field, it must be one of the lattice classes, judged as a
 * power check only. Two or more consistent candidates while another is rejected: "ambiguous: A or B"; none consistent,
 * nothing rejected, or the one consistent class tabulating none of the exponents (spreading data against MN):
 * "undetermined".
 */
public final class UniversalityVerdict {

    /** The stated rule: a class is consistent with the data when its p-value is at least this. */
    public static final double CONSISTENT_P = 0.01;
    public static final String UNDETERMINED = "undetermined";
    public static final String AMBIGUOUS = "ambiguous";
    /** The verdict's row in {@code fits}. */
    public static final String QUANTITY = "universality_class";
    /** One row per compared class in {@code fits}, quantity this prefix and the class's id: its p-value. */
    public static final String CLASS_P_PREFIX = "universality_p_";
    public static final String METHOD = "bootstrap_percentile_bonferroni";
    /** What precedes the exponents left out of the verdict in {@link Verdict#describe()}. */
    private static final String SKIPPED = "left out as unconstrained: ";
    /** p-values below this print as a bound: a class value beyond every resample's reach has p = 0 exactly. */
    static final double SMALLEST_P = 1e-16;

    private UniversalityVerdict() {
    }

    /** What the verdict says. */
    public enum Outcome { NAMED, AMBIGUOUS, UNDETERMINED }

    /**
     * @param evidence  any measured exponents; those named in {@link UniversalityClass#QUANTITIES},
     *                  {@link ClassPValue#usable} and not {@link FitConstraint#unconstrained} are judged, each as one
     *                  term (two δ measurements count twice)
     * @param dimension the system's lattice dimension: 0 for an MLP, 1 or 2 for a CNN
     */
    public static Verdict judge(List<ExponentEvidence> evidence, int dimension) {
        List<UniversalityClass> candidates = UniversalityClass.forDimension(dimension);
        List<ExponentEvidence> classifying = evidence.stream()
                .filter(e -> UniversalityClass.QUANTITIES.contains(e.quantity()))
                .filter(ClassPValue::usable).toList();
        List<ExponentEvidence> skipped = classifying.stream().filter(FitConstraint::unconstrained).toList();
        List<ExponentEvidence> used = classifying.stream().filter(e -> !FitConstraint.unconstrained(e)).toList();
        List<ClassPValue> distributions = used.stream().map(ClassPValue::of).toList();
        List<ClassComparison> compared = new ArrayList<>();
        List<ClassComparison> rivals = new ArrayList<>();
        for (UniversalityClass cls : UniversalityClass.values()) {
            if (candidates.contains(cls)) {
                compared.add(compare(cls, used, distributions));
            } else if (candidates.size() == 1) {
                rivals.add(compare(cls, used, distributions));
            }
        }
        List<UniversalityClass> consistent = compared.stream().filter(ClassComparison::consistent)
                .map(ClassComparison::cls).toList();
        boolean somethingRejected = compared.size() > consistent.size()
                || rivals.stream().anyMatch(r -> !r.consistent());
        Outcome outcome;
        boolean onlyUntested = consistent.size() == 1 && compared.stream()
                .noneMatch(c -> c.cls() == consistent.get(0) && Double.isFinite(c.pValue()));
        if (used.isEmpty() || consistent.isEmpty() || !somethingRejected || onlyUntested) {
            outcome = Outcome.UNDETERMINED;
        } else {
            outcome = consistent.size() == 1 ? Outcome.NAMED : Outcome.AMBIGUOUS;
        }
        return new Verdict(outcome, consistent, compared, rivals, used, skipped, dimension);
    }

    private static ClassComparison compare(UniversalityClass cls, List<ExponentEvidence> used,
                                           List<ClassPValue> distributions) {
        List<ExponentP> tests = new ArrayList<>();
        for (int i = 0; i < used.size(); i++) {
            UniversalityClass.Value value = cls.value(used.get(i).quantity());
            if (value.known()) {
                tests.add(new ExponentP(used.get(i).quantity(), distributions.get(i).pValue(value)));
            }
        }
        double min = tests.stream().mapToDouble(ExponentP::pValue).min().orElse(Double.NaN);
        return new ClassComparison(cls, Math.min(1.0, tests.size() * min), tests);
    }

    /** One exponent's two-sided p-value against one class. */
    public record ExponentP(String quantity, double pValue) {
    }

    /**
     * One class's agreement with the data.
     *
     * @param pValue the Bonferroni-combined p; NaN when no measured exponent is tabulated for the class
     * @param tests  the per-exponent p-values it combines
     */
    public record ClassComparison(UniversalityClass cls, double pValue, List<ExponentP> tests) {

        public ClassComparison {
            tests = List.copyOf(tests);
        }

        /** Not excluded: p ≥ {@link #CONSISTENT_P}, or nothing to compare. */
        public boolean consistent() {
            return !(pValue < CONSISTENT_P);
        }

        /** {@code DP 1+1 p = 0.54} or {@code MN 2+1 p = n/a}. */
        String describe() {
            return cls.displayName() + " " + (Double.isNaN(pValue) ? "p = n/a" : pText(pValue));
        }
    }

    /**
     * @param outcome     named, ambiguous or undetermined
     * @param consistent  the consistent candidates, in declaration order
     * @param comparisons every candidate of the dimension
     * @param rivals      for an MLP, the lattice classes the data must reject for "mean field" to be named
     * @param used        the exponents judged
     * @param skipped     the exponents left out as unconstrained ({@link FitConstraint})
     * @param dimension   the system's lattice dimension
     */
    public record Verdict(Outcome outcome, List<UniversalityClass> consistent, List<ClassComparison> comparisons,
                          List<ClassComparison> rivals, List<ExponentEvidence> used, List<ExponentEvidence> skipped,
                          int dimension) {

        public Verdict {
            consistent = List.copyOf(consistent);
            comparisons = List.copyOf(comparisons);
            rivals = List.copyOf(rivals);
            used = List.copyOf(used);
            skipped = List.copyOf(skipped);
        }

        /** The named class, when there is one. */
        public Optional<UniversalityClass> named() {
            return outcome == Outcome.NAMED ? Optional.of(consistent.get(0)) : Optional.empty();
        }

        /** {@code DP 1+1}, {@code ambiguous: mean field or MN 1+1} or {@code undetermined}. */
        public String label() {
            return switch (outcome) {
                case NAMED -> consistent.get(0).displayName();
                case AMBIGUOUS -> AMBIGUOUS + ": " + joinOr(consistent.stream()
                        .map(UniversalityClass::displayName).toList());
                case UNDETERMINED -> UNDETERMINED;
            };
        }

        /**
         * One line for the report: the label, why when undetermined, then every candidate's p-value and the
         * exponents left out as unconstrained, e.g. {@code DP 1+1 (DP 1+1 p = 0.54; mean field p = 2.1e-09; MN 1+1
         * p = 3.0e-12; left out as unconstrained: z = 2.00e-10 [-0.902, 0.902])}.
         */
        public String describe() {
            String left = skipped.isEmpty() ? "" : "; " + SKIPPED + skipped.stream().map(UniversalityVerdict::describe)
                    .collect(Collectors.joining(", "));
            if (used.isEmpty()) {
                return UNDETERMINED + " (no usable exponent" + left + ")";
            }
            String why = outcome != Outcome.UNDETERMINED ? "" : consistent.isEmpty() ? "no class consistent; "
                    : consistent.size() == 1 && Double.isNaN(pOf(consistent.get(0)))
                    ? "the one consistent class tabulates none of these exponents; " : "the data exclude no class; ";
            String line = comparisons.stream().map(ClassComparison::describe).collect(Collectors.joining("; "));
            String power = rivals.isEmpty() ? "" : "; power check against the lattice classes: "
                    + rivals.stream().map(ClassComparison::describe).collect(Collectors.joining(", "));
            return label() + " (" + why + line + power + left + ")";
        }

        /**
         * The rows for the {@code fits} table: first {@link #QUANTITY} — estimate the p-value of the named class (of
         * the most consistent candidate otherwise), window {@link #describe()} and the exponents judged (so it starts
         * with the label), quality the number of consistent candidates, nUsed the exponents — then one row per
         * candidate (and rival) with a p-value, quantity {@link #CLASS_P_PREFIX} and the class's id (so that scope,
         * quantity and method stay a key of the table): estimate that p, window the class and its per-exponent
         * p-values. Empty with no usable exponent.
         */
        public List<FitResult> toFitResults() {
            if (used.isEmpty()) {
                return List.of();
            }
            double p = named().map(this::pOf).orElseGet(() -> comparisons.stream()
                    .mapToDouble(ClassComparison::pValue).filter(Double::isFinite).max().orElse(0.0));
            String exponents = used.stream().map(UniversalityVerdict::describe).collect(Collectors.joining(", "));
            List<FitResult> rows = new ArrayList<>();
            rows.add(new FitResult(QUANTITY, p, Double.NaN, METHOD, describe() + " from " + exponents,
                    consistent.size(), used.size()));
            for (ClassComparison c : concat(comparisons, rivals)) {
                if (Double.isFinite(c.pValue())) {
                    String perExponent = c.tests().stream().map(t -> t.quantity() + " " + pText(t.pValue()))
                            .collect(Collectors.joining(", "));
                    rows.add(new FitResult(CLASS_P_PREFIX + c.cls().id(), c.pValue(), Double.NaN, METHOD,
                            c.cls().displayName() + ": " + perExponent, c.tests().size(), c.tests().size()));
                }
            }
            return rows;
        }

        private double pOf(UniversalityClass cls) {
            return comparisons.stream().filter(c -> c.cls() == cls).findFirst().orElseThrow().pValue();
        }
    }

    /**
     * {@code delta = 0.88 [0.53, 1.73]}, the 95 % percentile interval of the bootstrap (estimate ± 1.96 stderr
     * without one), with {@code ± 0.05 syst} when there is a systematic.
     */
    static String describe(ExponentEvidence e) {
        double low = e.bootstrap().map(b -> b.percentile(2.5)).orElse(e.estimate() - 1.959963984540054 * e.stderr());
        double high = e.bootstrap().map(b -> b.percentile(97.5))
                .orElse(e.estimate() + 1.959963984540054 * e.stderr());
        String syst = e.systematic() > 0 ? String.format(Locale.ROOT, " ± %.2g syst", e.systematic()) : "";
        return String.format(Locale.ROOT, "%s = %.3g [%.3g, %.3g]%s", e.quantity(), e.estimate(), low, high, syst);
    }

    /** The label at the head of a {@link #QUANTITY} row's window ({@link Verdict#describe()}): up to " (". */
    public static String labelOf(String window) {
        int open = window.indexOf(" (");
        return open < 0 ? window : window.substring(0, open);
    }

    /** The exponents a {@link #QUANTITY} row's window names as left out (unconstrained), or empty. */
    public static Optional<String> skippedIn(String window) {
        int start = window.indexOf(SKIPPED);
        if (start < 0) {
            return Optional.empty();
        }
        int end = window.indexOf(')', start);
        return Optional.of(window.substring(start + SKIPPED.length(), end < 0 ? window.length() : end));
    }

    /** {@code p = 0.54} (two significant digits), or {@code p < 1e-16} below {@link #SMALLEST_P}. */
    public static String pText(double p) {
        return p < SMALLEST_P ? "p < 1e-16" : String.format(Locale.ROOT, "p = %.2g", p);
    }

    private static String joinOr(List<String> names) {
        return String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.get(names.size() - 1);
    }

    private static List<ClassComparison> concat(List<ClassComparison> a, List<ClassComparison> b) {
        List<ClassComparison> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
