package org.critsweep.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * ρ(l) at a size's λ_N root σ_w,c(N), which in general falls between two grid points: linear in σ_w between them,
 * layer by layer, with the standard error of that combination of two independent means.
 */
final class RootInterpolation {

    /**
     * The interpolated curve on the layers ≥ 1 both points have a finite ρ at.
     *
     * @param layer  the layers, ascending
     * @param rho    (1 − t) ρ_below + t ρ_above
     * @param stderr √(((1 − t) e_below)² + (t e_above)²); a point of weight 0 adds nothing, even a NaN error
     */
    record Curve(double[] layer, double[] rho, double[] stderr) {
    }

    private RootInterpolation() {
    }

    static Curve at(List<LayerRow> below, List<LayerRow> above, double t) {
        Map<Integer, LayerRow> byLayer = above.stream()
                .collect(Collectors.toMap(LayerRow::layer, Function.identity(), (a, b) -> a));
        List<double[]> points = new ArrayList<>();
        for (LayerRow low : below) {
            LayerRow high = byLayer.get(low.layer());
            if (low.layer() < 1 || high == null || !Double.isFinite(low.rho()) || !Double.isFinite(high.rho())) {
                continue;
            }
            double rho = (1 - t) * low.rho() + t * high.rho();
            double stderr = Math.sqrt(weighted(1 - t, low.rhoStderr()) + weighted(t, high.rhoStderr()));
            points.add(new double[] {low.layer(), rho, stderr});
        }
        points.sort((a, b) -> Double.compare(a[0], b[0]));
        return new Curve(points.stream().mapToDouble(p -> p[0]).toArray(),
                points.stream().mapToDouble(p -> p[1]).toArray(), points.stream().mapToDouble(p -> p[2]).toArray());
    }

    /** (w e)², 0 for weight 0 whatever e is. */
    private static double weighted(double weight, double error) {
        return weight == 0 ? 0.0 : weight * weight * error * error;
    }
}
