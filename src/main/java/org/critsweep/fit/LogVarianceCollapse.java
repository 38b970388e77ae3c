package org.critsweep.fit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Var ln G across the widths of a family (PHYSICS.md §5). The collapse: y = (Var ln G^l − a(n))/s(n) against
 * x = l/n, with a and s the exact Var ln G⁰ and n Var ln R where the net is solvable (every width then falls on y = x,
 * whatever n), else the width's own fitted offset and slope (the widths then differ only by the curvature's share,
 * c x²/s). The limit: the fitted slopes s(n) extrapolated as s∞ + s₁/n (+ s₂/n² when four widths or more demand it,
 * {@link CriticalPointExtrapolation}), with the exact n → ∞ limit beside s∞ where the net is solvable.
 *
 * @param curves       the collapsed points per width ({@code N=64}), and the line y = x ({@code exact}) where the
 *                     normalisation is the exact law
 * @param extrapolation {@code ln_g_var_slope_inf}, {@code ln_g_var_slope_inv_n} (, {@code ln_g_var_slope_inv_n2})
 *                     and, with the exact law, {@code ln_g_var_slope_inf_exact}; empty with fewer than two widths
 *                     with a finite slope error
 */
public record LogVarianceCollapse(Map<String, List<Measurement>> curves, List<FitResult> extrapolation) {

    public static final String CURVE = "ln_g_var_collapse";
    public static final String EXACT_SERIES = "exact";
    public static final String INFINITE = "ln_g_var_slope_inf";
    public static final String INFINITE_EXACT = "ln_g_var_slope_inf_exact";
    private static final List<String> NAMES = List.of(INFINITE, "ln_g_var_slope_inv_n", "ln_g_var_slope_inv_n2");

    static LogVarianceCollapse of(List<LogVarianceAnalysis.Width> widths) {
        boolean exact = !widths.isEmpty() && widths.stream().allMatch(w -> w.exact().isPresent());
        Map<String, List<Measurement>> curves = new LinkedHashMap<>();
        List<Measurement> longest = List.of();
        for (LogVarianceAnalysis.Width w : widths) {
            double offset = exact ? w.exact().orElseThrow().offset() : w.growth().offset();
            double slope = exact ? w.exact().orElseThrow().slope() : w.growth().slope();
            if (!(slope > 0.0)) {
                continue; // a fitted slope ≤ 0 (a saturated Var ln G) has no scale to collapse by
            }
            curves.put("N=" + w.width(), w.curve().stream().map(m -> new Measurement(m.x(),
                    (m.value() - offset) / slope, m.stderr() / slope)).toList());
            if (longest.isEmpty() || reach(w.curve()) > reach(longest)) {
                longest = w.curve();
            }
        }
        if (exact) {
            curves.put(EXACT_SERIES, longest.stream().map(m -> new Measurement(m.x(), m.x(), 0.0)).toList());
        }
        return new LogVarianceCollapse(curves, extrapolation(widths, exact));
    }

    private static double reach(List<Measurement> curve) {
        return curve.get(curve.size() - 1).x();
    }

    private static List<FitResult> extrapolation(List<LogVarianceAnalysis.Width> widths, boolean exact) {
        List<Measurement> slopes = widths.stream().map(w -> new Measurement(w.width(), w.growth().slope(),
                w.growth().slopeStderr())).filter(m -> Double.isFinite(m.stderr()) && m.stderr() > 0).toList();
        Optional<CriticalPointExtrapolation.Extrapolation> fit = CriticalPointExtrapolation.fit(slopes);
        if (fit.isEmpty()) {
            return List.of();
        }
        List<FitResult> rows = new ArrayList<>();
        List<FitResult> fits = fit.get().fits();
        for (int k = 0; k < fits.size(); k++) {
            FitResult r = fits.get(k);
            rows.add(new FitResult(NAMES.get(k), r.estimate(), r.stderr(), r.ciLow(), r.ciHigh(), r.method(),
                    r.window() + "; s(N) = ln_g_var_slope", r.quality(), r.nUsed()));
        }
        List<Double> limits = widths.stream().flatMap(w -> w.exact().stream()).map(ExactGrowth::limit).distinct()
                .toList();
        if (exact && limits.size() == 1) {
            rows.add(exactLimit(limits.get(0), rows.get(0), widths, slopes, fit.get().order()));
        }
        return rows;
    }

    /**
     * The exact n → ∞ limit with the pull of s∞ from it; the window also gives what the same extrapolation makes of
     * the exact slopes at these widths, its truncation bias (the exact s(n) has every power of 1/n).
     */
    private static FitResult exactLimit(double limit, FitResult fitted, List<LogVarianceAnalysis.Width> widths,
                                        List<Measurement> slopes, int order) {
        List<Measurement> exactSlopes = new ArrayList<>();
        for (Measurement m : slopes) {
            widths.stream().filter(w -> w.width() == (int) m.x()).findFirst().ifPresent(w -> exactSlopes.add(
                    new Measurement(m.x(), w.exact().orElseThrow().slope(), m.stderr())));
        }
        String truncated = CriticalPointExtrapolation.fit(exactSlopes, order)
                .map(e -> String.format(Locale.ROOT, "; the same fit of the exact n Var ln R at these widths gives %.4f",
                        e.infinite().estimate())).orElse("");
        return new FitResult(INFINITE_EXACT, limit, Double.NaN, Double.NaN, Double.NaN, "exact_n_var_r",
                "n Var R as n -> inf (PHYSICS.md section 5); fitted " + fitted.valueWithError("s_inf") + truncated,
                (fitted.estimate() - limit) / fitted.stderr(), fitted.nUsed());
    }
}
