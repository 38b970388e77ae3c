package org.critsweep.fit;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The data of a depth-scan collapse (PHYSICS.md §5, §7): for every size, the mean ln ρ per layer at one σ_w (the
 * infinite-size critical point, so that τ N = 0 at every size), interpolated linearly in σ_w between the two grid
 * points that bracket it, on log-spaced layers ({@link FitWindows#collapseRange}). A size whose σ_w scan does not
 * bracket the target contributes nothing.
 */
final class DepthScanData {

    private DepthScanData() {
    }

    static List<ScalingPoint> at(FamilyData data, double sigmaW, Optional<ScaledLayerWindow> window) {
        List<ScalingPoint> points = new ArrayList<>();
        data.lambdaBySize().forEach((size, scan) -> ScanBracket.around(scan, sigmaW).ifPresent(bracket -> {
            double weight = bracket.weight();
            LayerWindow range = FitWindows.collapseRange(data.family(), size, bracket.below().depth(), window);
            Map<String, List<Measurement>> curves = data.curves(bracket.pointIds(), AggregatedCurve.LN_RHO, range);
            Map<Double, Measurement> aboveByLayer = new HashMap<>();
            curves.getOrDefault(bracket.above().pointId(), List.of()).forEach(m -> aboveByLayer.put(m.x(), m));
            List<Measurement> belowCurve = curves.getOrDefault(bracket.below().pointId(), List.of()).stream()
                    .filter(m -> aboveByLayer.containsKey(m.x())).toList();
            List<Integer> wanted = FitWindows.collapseLayers(belowCurve.stream().map(m -> (int) m.x()).toList(), range);
            for (Measurement a : belowCurve) {
                Measurement b = aboveByLayer.get(a.x());
                if (wanted.contains((int) a.x())) {
                    double stderr = Math.hypot((1 - weight) * a.stderr(), weight * b.stderr());
                    if (stderr > 0) {
                        double value = (1 - weight) * a.value() + weight * b.value();
                        points.add(new ScalingPoint(size, a.x(), value, stderr));
                    }
                }
            }
        }));
        return points;
    }
}
