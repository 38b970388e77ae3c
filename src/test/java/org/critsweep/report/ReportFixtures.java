package org.critsweep.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.critsweep.fit.FitResult;
import org.critsweep.fit.Measurement;
import org.critsweep.grid.Arch;
import org.critsweep.grid.Sampler;
import org.critsweep.grid.ScalingFamily;
import org.critsweep.kernel.ActivationKind;

/**
 * A small synthetic campaign for the report's tests: tanh MLPs at σ_b = 0.3, widths 16 and 32, five σ_w from 1.30
 * to 1.50, λ_N linear in σ_w with its root at 1.3956 + 3/N, and ρ(l) decaying exponentially on 64 layers.
 */
final class ReportFixtures {

    static final ScalingFamily TANH = new ScalingFamily(Arch.MLP, ActivationKind.TANH, Sampler.GRAM, 0.3, null);
    static final List<Integer> WIDTHS = List.of(16, 32);
    static final double[] SIGMA_W = {1.30, 1.35, 1.40, 1.45, 1.50};
    static final int DEPTH = 64;

    private ReportFixtures() {
    }

    static double root(int width) {
        return 1.3956 + 3.0 / width;
    }

    static List<PointResult> points() {
        List<PointResult> points = new ArrayList<>();
        for (int width : WIDTHS) {
            for (double sigmaW : SIGMA_W) {
                points.add(new PointResult(id(width, sigmaW), TANH, width, sigmaW, false,
                        sigmaW < 1.3956 ? "ordered" : "chaotic", 0.5 * (sigmaW - root(width)), 0.001));
            }
        }
        return points;
    }

    static String id(int width, double sigmaW) {
        return String.format(java.util.Locale.ROOT, "p%d-%.2f", width, sigmaW);
    }

    /** Every point's ρ(l) = 0.2 exp(−l / 20) with a 5 % standard error, its mean field 10 % above. */
    static List<LayerRow> layers() {
        List<LayerRow> rows = new ArrayList<>();
        for (PointResult p : points()) {
            for (int layer = 0; layer <= DEPTH; layer++) {
                double rho = 0.2 * Math.exp(-layer / 20.0);
                rows.add(new LayerRow(p.pointId(), layer, rho, 0.05 * rho, Math.log(rho), 1.1 * rho, Double.NaN,
                        Double.NaN, Double.NaN));
            }
        }
        return rows;
    }

    static FitRow fit(Integer width, String scope, String quantity, double estimate, double stderr, String window) {
        return new FitRow(TANH, width, null, scope, new FitResult(quantity, estimate, stderr, "test", window, 1.0, 5));
    }

    /** The roots of both widths, their 1/N extrapolation and a verdict: what a campaign too small for δ fits. */
    static List<FitRow> criticalPointFits(String verdict) {
        return List.of(
                fit(null, "N->inf", "sigma_w_c_inf", 1.3956, 0.002, "N in [16, 32], a/N"),
                fit(32, "N=32", "sigma_w_c", root(32), 0.003, "sigma_w in [1.45, 1.5]"),
                fit(16, "N=16", "sigma_w_c", root(16), 0.004, "sigma_w in [1.55, 1.6]"),
                fit(null, "N->inf", "sigma_w_c_slope", 3.0, 0.2, "N in [16, 32], a/N"),
                fit(null, "N in [16, 32]", "universality_class", 0.5, Double.NaN, verdict));
    }

    static Manifest manifest(String name) {
        return new Manifest(name, Map.of("status", "complete", "code_version", "test"),
                Map.of("sweep", 1.5), "{ \"grid\" : { \"depth\" : 64 } }");
    }

    static CampaignResults campaign(String name, List<FitRow> fits, List<FitCurvePoint> curves) {
        return new CampaignResults(manifest(name), points(), fits, curves, layers());
    }

    static FitCurvePoint curvePoint(String curve, String series, double x, double y) {
        return new FitCurvePoint(TANH, series, curve, series, new Measurement(x, y, 0.01));
    }
}
