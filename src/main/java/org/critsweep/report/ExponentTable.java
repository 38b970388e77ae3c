package org.critsweep.report;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.critsweep.fit.FitResult;
import org.critsweep.fit.UniversalityVerdict;
import org.critsweep.grid.ScalingFamily;

/**
 * The exponent table that {@code fit --all} and the report show: every row of {@code fits} but the verdicts, by
 * family, then the per-size fits, the N → ∞ extrapolations and the fits that pool the sizes, within each scope the
 * critical point and the classifying exponents first; and per family the
 * universality verdict (the text of its {@code universality_class} row) with each compared class's p-value (its
 * {@code universality_p_*} rows, PHYSICS.md §7).
 */
public record ExponentTable(List<FitRow> rows, Map<ScalingFamily, String> verdicts,
                            Map<ScalingFamily, List<ClassP>> classPValues) {

    /** One class's p-value in a family's verdict; {@code detail} holds its per-exponent p-values. */
    public record ClassP(String cls, double pValue, String detail) {

        /** {@code DP 1+1: p = 0.54 (delta p = 0.18, z p = 0.6)}. */
        public String describe() {
            String line = cls + ": " + UniversalityVerdict.pText(pValue);
            return detail.isEmpty() ? line : line + " (" + detail + ")";
        }
    }

    /** The columns of {@link #cells}. */
    public static final List<String> HEADERS = List.of("family", "scope", "quantity", "estimate", "stderr",
            "ci95_low", "ci95_high", "method", "window");

    /** Within a scope these come first, in this order; the rest alphabetically. */
    private static final List<String> LEADING = List.of("sigma_w_c_inf", "sigma_w_c", "sigma_w_c_spreading", "delta",
            "beta", "nu_par", "z", "spreading_delta", "spreading_theta", "spreading_z");

    private static final Comparator<FitRow> ORDER = Comparator.comparing((FitRow r) -> r.family().toString())
            .thenComparingInt(ExponentTable::scopeRank)
            .thenComparingInt(r -> Objects.requireNonNullElse(r.width(), 0))
            .thenComparingInt(r -> Objects.requireNonNullElse(r.size(), 0))
            .thenComparing(FitRow::scope)
            .thenComparingInt(ExponentTable::importance)
            .thenComparing(FitRow::quantity);

    public ExponentTable {
        rows = List.copyOf(rows);
        verdicts = Collections.unmodifiableMap(new LinkedHashMap<>(verdicts));
        classPValues = Collections.unmodifiableMap(new LinkedHashMap<>(classPValues));
    }

    public static ExponentTable of(List<FitRow> fits) {
        List<FitRow> rows = new ArrayList<>();
        Map<ScalingFamily, String> verdicts = new LinkedHashMap<>();
        Map<ScalingFamily, List<ClassP>> classes = new LinkedHashMap<>();
        for (FitRow row : fits) {
            if (row.quantity().startsWith(UniversalityVerdict.CLASS_P_PREFIX)) {
                classes.computeIfAbsent(row.family(), f -> new ArrayList<>()).add(classP(row.fit()));
            }
        }
        for (FitRow row : fits.stream().sorted(ORDER).toList()) {
            if (row.quantity().equals(UniversalityVerdict.QUANTITY)) {
                verdicts.put(row.family(), row.fit().window());
            } else if (!row.quantity().startsWith(UniversalityVerdict.CLASS_P_PREFIX)) {
                rows.add(row);
            }
        }
        return new ExponentTable(rows, verdicts, classes);
    }

    /** The class's p-value rows hold {@code <class>: <per-exponent p-values>} as their window. */
    private static ClassP classP(FitResult fit) {
        String window = fit.window();
        int colon = window.indexOf(": ");
        return colon < 0 ? new ClassP(window, fit.estimate(), "")
                : new ClassP(window.substring(0, colon), fit.estimate(), window.substring(colon + 2));
    }

    /**
     * A row's cells under {@link #HEADERS}, every number rounded to the error ({@link Concise}): the estimate as
     * {@code 1.4483(26)}, the error and the interval to the same digit; a missing error or interval end is "-".
     */
    public static List<String> cells(FitRow row) {
        FitResult f = row.fit();
        return List.of(row.family().toString(), row.scope(), f.quantity(), Concise.format(f.estimate(), f.stderr()),
                rounded(f.stderr(), f), rounded(f.ciLow(), f), rounded(f.ciHigh(), f), f.method(), f.window());
    }

    private static String rounded(double x, FitResult f) {
        return Concise.sameDigits(x, f.estimate(), f.stderr());
    }

    private static int importance(FitRow row) {
        int rank = LEADING.indexOf(row.quantity());
        return rank < 0 ? LEADING.size() : rank;
    }

    /**
     * One size ({@code N=64}) first, then the extrapolations ({@code N->inf}, {@code N->inf, sigma_w=1.3}), then pooled
     * sizes ({@code N in}).
     */
    private static int scopeRank(FitRow row) {
        if (row.scope().contains("->inf")) {
            return 1;
        }
        return row.scope().contains(" in ") ? 2 : 0;
    }
}
