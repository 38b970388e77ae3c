package org.critsweep.report;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.critsweep.fit.Measurement;
import org.critsweep.fit.UniversalityClass;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.style.Styler.LegendPosition;

/** The effective exponent δ_eff(l) at each size's critical point, against the δ of every universality class. */
final class EffectiveExponentPlot {

    private static final String TITLE = "Effective exponent δ_eff(l) at σ_w,c(N)";

    private EffectiveExponentPlot() {
    }

    static Panel of(FamilyResults family) {
        Map<String, List<Measurement>> curves = family.curve("delta_eff");
        if (curves.isEmpty()) {
            return new Panel.Omission(TITLE, "no critical-decay fit: it needs a size with a λ_N root and a decay window"
                    + " (analysis.decay_window) of about a decade of layers");
        }
        XYChart chart = Charts.chart(TITLE, "layer l", "δ_eff = −Δ ln ρ / Δ ln(l + l0)", LegendPosition.OutsideE);
        chart.getStyler().setXAxisLogarithmic(true);
        double low = Double.POSITIVE_INFINITY;
        double high = Double.NEGATIVE_INFINITY;
        for (Map.Entry<String, List<Measurement>> e : curves.entrySet()) {
            int size = FamilyResults.sizeOf(e.getKey());
            String delta = family.fit("delta", size).map(f -> " (fit: " + f.fit().valueWithError("δ") + ")").orElse("");
            Charts.points(chart, e.getKey() + delta, e.getValue(), family.color(size));
            low = Math.min(low, e.getValue().get(0).x());
            high = Math.max(high, e.getValue().get(e.getValue().size() - 1).x());
        }
        for (UniversalityClass cls : referenceClasses(family.family().arch().dimensions())) {
            if (!Double.isFinite(cls.delta())) {
                continue;
            }
            Charts.classReference(chart, String.format(Locale.ROOT, "δ = %.4g (%s)", cls.delta(),
                    cls.displayName()), new double[] {low, high}, new double[] {cls.delta(), cls.delta()}, cls);
        }
        return new Panel.Plot(chart, "The local slope of ln ρ against ln(l + l0) between layers at least 1.25 apart,"
                + " on the ρ curve interpolated to each size's root (table fit_curves, delta_eff); flat at the critical"
                + " point, rising in the ordered phase, falling in the chaotic one. Dashed: δ of each class the verdict"
                + " weighs for this family (docs/PHYSICS.md §6), each class in its own colour and dashes.");
    }

    /**
     * The classes of the family's dimension; an MLP's one candidate is mean field, but its verdict also checks that
     * the lattice classes are rejected, so it shows them all.
     */
    private static List<UniversalityClass> referenceClasses(int dimension) {
        return dimension == 0 ? List.of(UniversalityClass.values()) : UniversalityClass.forDimension(dimension);
    }
}
