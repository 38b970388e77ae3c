package org.critsweep.report;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.critsweep.fit.Measurement;
import org.critsweep.grid.ScalingFamily;

/**
 * One scaling family's share of a campaign's results.
 *
 * @param layers the layer-by-layer curves loaded so far, by point id
 */
public record FamilyResults(ScalingFamily family, List<PointResult> points, List<FitRow> fits,
                            List<FitCurvePoint> fitCurves, Map<String, List<LayerRow>> layers) {

    /** The sizes of the family, ascending. */
    public List<Integer> sizes() {
        return List.copyOf(new TreeSet<>(points.stream().map(PointResult::size).toList()));
    }

    /** The points of one size, by ascending σ_w. */
    public List<PointResult> points(int size) {
        return points.stream().filter(p -> p.size() == size).sorted(Comparator.comparingDouble(PointResult::sigmaW))
                .toList();
    }

    /**
     * The colour of a size: its rank in the family, so that a size keeps its colour in every plot; a size without grid
     * points (a fit curve's series can name one) gets the colour after the family's sizes.
     */
    public java.awt.Color color(int size) {
        int rank = sizes().indexOf(size);
        return Charts.color(rank >= 0 ? rank : sizes().size());
    }

    /** The fit of {@code quantity} for one size ({@code size} null: the fit pooling or extrapolating the sizes). */
    public Optional<FitRow> fit(String quantity, Integer size) {
        return fits.stream().filter(f -> f.quantity().equals(quantity))
                .filter(f -> java.util.Objects.equals(f.familySize(), size)).findFirst();
    }

    /** The pooled fit of {@code quantity} by {@code method} (the collapses: {@code collapse_hh}, ...). */
    public Optional<FitRow> fitByMethod(String quantity, String method) {
        return fits.stream().filter(f -> f.quantity().equals(quantity) && f.fit().method().equals(method))
                .findFirst();
    }

    /**
     * A {@code fit_curves} curve: its points per series, the series by ascending size ({@code N=64} before
     * {@code N=128}), the points by x.
     */
    public Map<String, List<Measurement>> curve(String name) {
        Map<String, List<Measurement>> series = new LinkedHashMap<>();
        fitCurves.stream().filter(c -> c.curve().equals(name))
                .sorted(Comparator.comparing((FitCurvePoint c) -> c.series().length())
                        .thenComparing(FitCurvePoint::series).thenComparingDouble(c -> c.point().x()))
                .forEach(c -> series.computeIfAbsent(c.series(), k -> new java.util.ArrayList<>()).add(c.point()));
        return series;
    }

    /** The size a {@code fit_curves} series stands for ({@code N=64}: 64). */
    static int sizeOf(String series) {
        return Integer.parseInt(series.substring(series.indexOf('=') + 1));
    }

    /** The names of the {@code fit_curves} curves this family has. */
    public java.util.Set<String> curveNames() {
        return new TreeSet<>(fitCurves.stream().map(FitCurvePoint::curve).toList());
    }

    /** A point's layer-by-layer curve, by ascending layer; empty when it was not loaded. */
    public List<LayerRow> layers(String pointId) {
        return layers.getOrDefault(pointId, List.of()).stream().sorted(Comparator.comparingInt(LayerRow::layer))
                .toList();
    }
}
