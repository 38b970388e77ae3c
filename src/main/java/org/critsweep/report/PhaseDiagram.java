package org.critsweep.report;

import java.awt.Color;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.critsweep.kernel.ActivationKind;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.style.Styler.LegendPosition;

/** The grid in the (σ_b, σ_w) plane, each point coloured by its mean-field phase, with the critical line. */
final class PhaseDiagram {

    private static final int SAMPLES = 80;
    /** The values of points.phase, in the legend's order, and their colours (blue to red as in the other plots). */
    private static final List<String> PHASES = List.of("ordered", "critical", "chaotic", "unbounded");
    private static final Map<String, Color> PHASE_COLOURS = Map.of("ordered", new Color(0x2166AC),
            "critical", Color.BLACK, "chaotic", new Color(0xB2182B), "unbounded", new Color(0x999999));

    private PhaseDiagram() {
    }

    static Panel of(List<PointResult> points) {
        XYChart chart = Charts.chart("Phase diagram: the grid and the mean-field critical line", "σ_b", "σ_w",
                LegendPosition.InsideSE);
        double maxSigmaB = points.stream().mapToDouble(p -> p.family().sigmaB()).max().orElse(0.0);
        double right = maxSigmaB > 0 ? 1.5 * maxSigmaB : 1.0;
        List<ActivationKind> activations = points.stream().map(p -> p.family().activation()).distinct()
                .sorted(Comparator.comparing(ActivationKind::label)).toList();
        for (int a = 0; a < activations.size(); a++) {
            ActivationKind activation = activations.get(a);
            double[] sigmaB = IntStream.range(0, SAMPLES).mapToDouble(i -> right * i / (SAMPLES - 1))
                    .filter(b -> MeanFieldCritical.sigmaWc(activation, b).isPresent()).toArray();
            double[] sigmaW = java.util.Arrays.stream(sigmaB)
                    .map(b -> MeanFieldCritical.sigmaWc(activation, b).getAsDouble()).toArray();
            String name = "mean-field σ_w,c(σ_b), " + activation.label();
            if (sigmaB.length > 1) {
                Charts.reference(chart, name, sigmaB, sigmaW, a);
            } else if (sigmaB.length == 1) {
                Charts.scatter(chart, "mean-field critical point, " + activation.label(), sigmaB, sigmaW,
                        Charts.REFERENCE);
            }
        }
        for (String phase : PHASES) {
            List<PointResult> inPhase = points.stream().filter(p -> p.phase().equals(phase)).toList();
            if (!inPhase.isEmpty()) {
                Charts.scatter(chart, phase + " (" + inPhase.size() + " points)",
                        inPhase.stream().mapToDouble(p -> p.family().sigmaB()).toArray(),
                        inPhase.stream().mapToDouble(PointResult::sigmaW).toArray(), PHASE_COLOURS.get(phase))
                        .setMarker(org.knowm.xchart.style.markers.SeriesMarkers.CIRCLE);
            }
        }
        chart.getStyler().setXAxisMin(0.0);
        return new Panel.Plot(chart, "Every grid point (table points), coloured by the phase of its mean-field"
                + " fixed point: ordered where χ₁ < 1, chaotic where χ₁ > 1 (unbounded: ReLU or linear nets whose q"
                + " grows without bound). The line is χ₁ = 1 (docs/PHYSICS.md §4); points of several widths and"
                + " depths share a marker.");
    }
}
