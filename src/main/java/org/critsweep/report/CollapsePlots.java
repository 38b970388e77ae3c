package org.critsweep.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.critsweep.fit.Measurement;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.style.Styler.LegendPosition;

/**
 * The data collapses (PHYSICS.md §7) before and after scaling: the depth scan ln ρ + a ln N = G(ln l − b ln N) at
 * the critical point, and λ_N N^−c2 = F((σ_w − t_c) N^c1) around it — per collapse method, with the fitted
 * exponents.
 */
final class CollapsePlots {

    private CollapsePlots() {
    }

    /** The collapse methods in the order they are shown: the analysis default's order. */
    private static final List<String> METHODS = List.of("hh", "bayes");

    /** The depth-scan collapse: the unscaled data, then one collapsed plot per method. */
    static List<Panel> depthScan(FamilyResults family) {
        return collapses(family, Data.DEPTH_SCAN);
    }

    /**
     * The collapse of λ_N: one collapsed plot per method (the unscaled data are the λ_N plot of the critical point,
     * {@link LyapunovPlot}; drawing them again here was the page's one duplicate plot).
     */
    static List<Panel> lambda(FamilyResults family) {
        return collapses(family, Data.LAMBDA);
    }

    /** The two collapsed data sets, their parameters' names in the fits table and their axes. */
    enum Data {
        DEPTH_SCAN("depth_scan", "Depth-scan collapse of ρ(l) at σ_w,c(∞)", "Depth scan",
                List.of(Map.entry("fss_a", "a"), Map.entry("fss_b", "b"), Map.entry("fss_l0", "l0")),
                "ln(l + l0) − b ln %s (l0 = 0 for a CNN)", "ln ρ + a ln %s",
                LegendPosition.InsideSW),
        LAMBDA("lambda", "Collapse of λ_N(σ_w)", "λ_N",
                List.of(Map.entry("lambda_t_c", "t_c"), Map.entry("lambda_c1", "c1"), Map.entry("lambda_c2", "c2")),
                "(σ_w − t_c) %s^c1", "λ_N %s^−c2 (nats / layer)", LegendPosition.InsideNW);

        final String name;
        final String title;
        /** What is collapsed, for the plot's title. */
        final String subject;
        /** The fitted parameters: their quantity in the fits table, and their symbol on the axes. */
        final List<Map.Entry<String, String>> parameters;
        final String xLabel;
        final String yLabel;
        final LegendPosition legend;

        Data(String name, String title, String subject, List<Map.Entry<String, String>> parameters, String xLabel,
             String yLabel, LegendPosition legend) {
            this.name = name;
            this.title = title;
            this.subject = subject;
            this.parameters = parameters;
            this.xLabel = xLabel;
            this.yLabel = yLabel;
            this.legend = legend;
        }
    }

    private static List<Panel> collapses(FamilyResults family, Data data) {
        String prefix = "collapse_" + data.name + "_";
        List<String> methods = family.curveNames().stream().filter(c -> c.startsWith(prefix))
                .map(c -> c.substring(prefix.length()))
                .sorted(Comparator.comparingInt(m -> METHODS.contains(m) ? METHODS.indexOf(m) : METHODS.size()))
                .toList();
        if (methods.isEmpty()) {
            return List.of(new Panel.Omission(data.title, "not fitted: a collapse needs two sizes or more with data at"
                    + " the critical point σ_w,c(∞) (or the largest size's root), and analysis.collapse not empty"));
        }
        List<Panel> panels = new ArrayList<>();
        if (data == Data.DEPTH_SCAN) {
            panels.add(depthScanBefore(family));
        }
        for (String method : methods) {
            panels.add(after(family, data, method, family.curve(prefix + method)));
        }
        return panels;
    }

    private static Panel depthScanBefore(FamilyResults family) {
        double target = CurveSelection.collapseTarget(family).orElseThrow();
        String title = String.format(Locale.ROOT, "Before scaling: ln ρ against ln l at σ_w ≈ %.4f", target);
        XYChart chart = Charts.chart(title, "ln l", "ln ρ (mean over replicas)", LegendPosition.InsideSW);
        for (Map.Entry<Integer, PointResult> e : CurveSelection.nearestTo(family, target).entrySet()) {
            List<LayerRow> rows = family.layers(e.getValue().pointId()).stream()
                    .filter(r -> r.layer() >= 1 && Double.isFinite(r.lnRho())).toList();
            if (!rows.isEmpty()) {
                String name = String.format(Locale.ROOT, "%s=%d at σ_w = %.4g", family.family().sizeSymbol(),
                        e.getKey(), e.getValue().sigmaW());
                Charts.line(chart, name, rows.stream().mapToDouble(r -> Math.log(r.layer())).toArray(),
                        rows.stream().mapToDouble(LayerRow::lnRho).toArray(), family.color(e.getKey()));
            }
        }
        return new Panel.Plot(chart, "The unscaled data: mean ln ρ over replicas at the grid σ_w nearest the σ_w the"
                + " collapse used (the collapse interpolates between the two grid points around it, on the layers of"
                + " its window in fits.fit_window).");
    }

    private static Panel after(FamilyResults family, Data data, String method, Map<String, List<Measurement>> series) {
        String exponents = data.parameters.stream()
                .map(p -> family.fitByMethod(p.getKey(), "collapse_" + method)
                        .map(f -> f.fit().valueWithError(p.getValue())))
                .flatMap(Optional::stream).collect(Collectors.joining(", "));
        String symbol = family.family().sizeSymbol();
        XYChart chart = Charts.chart(data.subject + " after scaling (" + shortName(method) + ")"
                        + (exponents.isEmpty() ? "" : ": " + exponents),
                data.xLabel.formatted(symbol), data.yLabel.formatted(symbol), data.legend);
        series.forEach((name, points) -> Charts.points(chart, name, points, family.color(FamilyResults.sizeOf(name))));
        return new Panel.Plot(chart, data.title + ", collapsed by " + methodName(method) + " (table fit_curves, "
                + "collapse_" + data.name + "_" + method + "; the parameters from table fits, method collapse_" + method
                + "). On one curve when the exponents are right." + (data == Data.LAMBDA ? " The unscaled data are the"
                + " λ_N(σ_w) plot above; the collapse uses the points with |σ_w − σ_w,c(∞)| within"
                + " analysis.tau_window's bound (fits.fit_window)." : ""));
    }

    private static String shortName(String method) {
        return switch (method) {
            case "hh" -> "HH";
            case "bayes" -> "Bayes";
            default -> method;
        };
    }

    private static String methodName(String method) {
        return switch (method) {
            case "hh" -> "Houdayer–Hartmann";
            case "bayes" -> "Bayesian Gaussian process";
            default -> method;
        };
    }
}
