package org.critsweep.report;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

/** The (layer, value) pairs of a point's curve that a log-log plot can draw. */
final class LogLogPoints {

    /**
     * Values below this are not drawn: an ordered point's ρ falls exponentially to 10⁻³⁰⁰ and would flatten every
     * other curve against the top of the plot.
     */
    static final double FLOOR = 1e-8;
    /** {@link #thinned} keeps about this many points per decade of layers. */
    static final int PER_DECADE = 12;

    private LogLogPoints() {
    }

    /** Layers >= 1 whose value is finite and at least {@link #FLOOR}: {x[], y[]}, in the rows' order. */
    static double[][] of(List<LayerRow> rows, ToDoubleFunction<LayerRow> value) {
        List<LayerRow> usable = rows.stream().filter(r -> r.layer() >= 1)
                .filter(r -> Double.isFinite(value.applyAsDouble(r)) && value.applyAsDouble(r) >= FLOOR).toList();
        return new double[][] {usable.stream().mapToDouble(LayerRow::layer).toArray(),
            usable.stream().mapToDouble(value).toArray()};
    }

    /**
     * About {@link #PER_DECADE} points per decade of x (ascending, > 0): the first point, then each point at least a
     * factor 10^(1/PER_DECADE) beyond the last one kept, and the last point.
     */
    static double[][] thinned(double[][] points) {
        double[] x = points[0];
        List<Integer> kept = new ArrayList<>();
        double step = Math.pow(10.0, 1.0 / PER_DECADE);
        for (int i = 0; i < x.length; i++) {
            if (kept.isEmpty() || i == x.length - 1 || x[i] >= step * x[kept.get(kept.size() - 1)]) {
                kept.add(i);
            }
        }
        return new double[][] {kept.stream().mapToDouble(i -> x[i]).toArray(),
            kept.stream().mapToDouble(i -> points[1][i]).toArray()};
    }
}
