package org.critsweep.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.critsweep.fit.FitResult;
import org.critsweep.fit.LatticeExtrapolation;
import org.critsweep.fit.Measurement;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.style.Styler.LegendPosition;

/**
 * A CNN's σ_w,c(L) against 1/L at fixed C with the fitted laws σ_w,c(∞) + a·L^−ω (PHYSICS.md §5): ω fitted from
 * four sizes, else one law per candidate class's 1/ν_⊥ (fit_curves {@code sigma_w_c_lattice_law}).
 */
final class LatticeExtrapolationPlot {

    private static final String TITLE = "σ_w,c(L) against 1/L, extrapolated to L → ∞";

    private LatticeExtrapolationPlot() {
    }

    static Panel of(FamilyResults family) {
        List<double[]> roots = new ArrayList<>();
        for (int size : family.sizes()) {
            family.fit("sigma_w_c", size).ifPresent(r -> roots.add(new double[] {1.0 / size, r.fit().estimate(),
                r.fit().stderr()}));
        }
        Optional<FitRow> infinite = family.fit("sigma_w_c_inf", null);
        Map<String, List<Measurement>> laws = family.curve(LatticeExtrapolation.LAW_CURVE);
        if (infinite.isEmpty() || laws.isEmpty()) {
            return new Panel.Omission(TITLE, "no extrapolation in L (no sigma_w_c_inf row): it needs λ_N roots at two"
                    + " sizes L or more, and " + roots.size() + (roots.size() == 1 ? " size has" : " sizes have")
                    + " one");
        }
        XYChart chart = Charts.chart(TITLE, "1/L (1 / sites)", "σ_w,c", LegendPosition.InsideNW);
        Charts.points(chart, "λ_N roots σ_w,c(L)", roots.stream().mapToDouble(r -> r[0]).toArray(),
                roots.stream().mapToDouble(r -> r[1]).toArray(), roots.stream().mapToDouble(r -> r[2]).toArray(),
                Charts.color(0));
        int index = 1;
        for (Map.Entry<String, List<Measurement>> law : laws.entrySet()) {
            List<Measurement> points = law.getValue();
            Charts.line(chart, "fit, " + law.getKey(), points.stream().mapToDouble(Measurement::x).toArray(),
                    points.stream().mapToDouble(Measurement::value).toArray(), Charts.color(index++));
        }
        FitResult inf = infinite.get().fit();
        Optional<FitResult> systematic = family.fit("sigma_w_c_inf_systematic", null).map(FitRow::fit);
        Charts.points(chart, inf.valueWithError("σ_w,c(∞)") + systematic.map(s -> String.format(Locale.ROOT,
                " ± %.2g (syst.)", s.estimate())).orElse(""), new double[] {0.0}, new double[] {inf.estimate()},
                new double[] {Math.hypot(inf.stderr(), systematic.map(FitResult::estimate).orElse(0.0))},
                Charts.color(index));
        return new Panel.Plot(chart, "The λ_N roots per lattice size at C = " + family.family().channels()
                + " (table fits, sigma_w_c) and the weighted fits σ_w,c(L) = σ_w,c(∞) + a·L^−ω (fit_curves "
                + LatticeExtrapolation.LAW_CURVE + "; " + inf.method() + ", " + inf.window() + "). With fewer than"
                + " four sizes ω is fixed at each candidate class's 1/ν_⊥, σ_w,c(∞) is the midpoint of their limits"
                + " and its error bar adds half their spread (sigma_w_c_inf_systematic) in quadrature.");
    }
}
