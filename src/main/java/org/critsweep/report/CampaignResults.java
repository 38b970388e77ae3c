package org.critsweep.report;

import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.critsweep.grid.ScalingFamily;

/**
 * Everything the report shows of one campaign, read from its tables: the grid points with their λ_N, the fits and
 * the curves behind them, and the layer-by-layer curves of the few points the report plots
 * ({@link #plottedPoints()}), which the reader loads in a second step ({@link #withLayers}).
 */
public record CampaignResults(Manifest manifest, List<PointResult> points, List<FitRow> fits,
                              List<FitCurvePoint> fitCurves, List<LayerRow> layers) {

    public CampaignResults {
        points = List.copyOf(points);
        fits = List.copyOf(fits);
        fitCurves = List.copyOf(fitCurves);
        layers = List.copyOf(layers);
    }

    /** The scaling families of the grid, in the order of their labels. */
    public List<ScalingFamily> families() {
        return points.stream().map(PointResult::family).distinct()
                .sorted(Comparator.comparing(ScalingFamily::toString)).toList();
    }

    /** One family's share of the results. */
    public FamilyResults family(ScalingFamily family) {
        Map<String, List<LayerRow>> byPoint = layers.stream()
                .collect(Collectors.groupingBy(LayerRow::pointId, Collectors.toList()));
        return new FamilyResults(family,
                points.stream().filter(p -> p.family().equals(family)).toList(),
                fits.stream().filter(f -> f.family().equals(family)).toList(),
                fitCurves.stream().filter(c -> c.family().equals(family)).toList(),
                byPoint);
    }

    /** The points whose layer-by-layer curves the report plots. */
    public Set<String> plottedPoints() {
        Set<String> ids = new LinkedHashSet<>();
        for (ScalingFamily family : families()) {
            ids.addAll(CurveSelection.all(family(family)));
        }
        return ids;
    }

    /** The same results with the layer-by-layer curves of {@link #plottedPoints()}. */
    public CampaignResults withLayers(List<LayerRow> rows) {
        return new CampaignResults(manifest, points, fits, fitCurves, rows);
    }
}
