package org.critsweep.spark;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.critsweep.fit.Measurement;
import org.critsweep.fit.ScalingPoint;
import org.critsweep.grid.ScalingFamily;

/**
 * The data of a depth-scan collapse (PHYSICS.md §5, §7): for every size, the mean ln ρ per layer at one σ_w (the
 * infinite-size critical point, so that τ N = 0 at every size), interpolated linearly in σ_w between the two grid
 * points that bracket it, on log-spaced layers ({@link FitWindows#collapseRange}). A size whose σ_w scan does not
 * bracket the target contributes nothing.
 */
final class DepthScanData {

    private DepthScanData() {
    }

    static List<ScalingPoint> at(FitInputs inputs, ScalingFamily family,
                                 TreeMap<Integer, List<FitInputs.PointLambda>> bySize, double sigmaW,
                                 double[] window) {
        List<ScalingPoint> data = new ArrayList<>();
        bySize.forEach((size, points) -> {
            java.util.Optional<Integer> upper = FitInputs.upperBracket(points, sigmaW);
            if (upper.isEmpty()) {
                return;
            }
            FitInputs.PointLambda below = points.get(upper.get() - 1);
            FitInputs.PointLambda above = points.get(upper.get());
            double weight = (sigmaW - below.sigmaW()) / (above.sigmaW() - below.sigmaW());
            int[] range = FitWindows.collapseRange(family, size, below.depth(), window);
            Map<String, List<Measurement>> curves = inputs.curves(List.of(below.pointId(), above.pointId()),
                    "ln_rho_mean", "ln_rho_stderr", range[0], range[1]);
            Map<Double, Measurement> aboveByLayer = new HashMap<>();
            curves.getOrDefault(above.pointId(), List.of()).forEach(m -> aboveByLayer.put(m.x(), m));
            List<Measurement> belowCurve = curves.getOrDefault(below.pointId(), List.of()).stream()
                    .filter(m -> aboveByLayer.containsKey(m.x())).toList();
            List<Integer> wanted = FitWindows.collapseLayers(belowCurve.stream().map(m -> (int) m.x()).toList(), range);
            for (Measurement a : belowCurve) {
                Measurement b = aboveByLayer.get(a.x());
                if (wanted.contains((int) a.x())) {
                    double stderr = Math.hypot((1 - weight) * a.stderr(), weight * b.stderr());
                    if (stderr > 0) {
                        data.add(new ScalingPoint(size, a.x(), (1 - weight) * a.value() + weight * b.value(), stderr));
                    }
                }
            }
        });
        return data;
    }
}
