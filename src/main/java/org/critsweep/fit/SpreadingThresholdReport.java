package org.critsweep.fit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The rows and curves of one size and threshold of a spreading analysis, from its scan and bootstrap. */
final class SpreadingThresholdReport {

    /** The report, and its rows by quantity for the combination across thresholds. */
    record Result(SpreadingAnalysis.ThresholdReport report, Map<String, FitResult> byQuantity) {
    }

    private final SpreadingScan scan;
    private final int size;
    private final int dimensions;
    private final Optional<SpreadingAnalysis.Resamples> resamples;
    private final Optional<FitResult> lambdaRoot;

    SpreadingThresholdReport(SpreadingScan scan, int size, int dimensions,
                             Optional<SpreadingAnalysis.Resamples> resamples, Optional<FitResult> lambdaRoot) {
        this.scan = scan;
        this.size = size;
        this.dimensions = dimensions;
        this.resamples = resamples;
        this.lambdaRoot = lambdaRoot;
    }

    /** The bootstrap key of a quantity's row at threshold k (see {@link SpreadingScan#vector}). */
    static String key(int k, String quantity) {
        return quantity.equals(SpreadingScan.ROOT) ? k + "/root"
                : k + "/c/" + (quantity.equals(SpreadingAnalysis.HYPERSCALING) ? "hyperscaling" : quantity);
    }

    Result report(int k, double threshold) {
        SpreadingScan.Statistics full = scan.full(k);
        Map<String, FitResult> rows = new LinkedHashMap<>();
        List<SpreadingAnalysis.Curve> curves = new ArrayList<>();
        full.root().ifPresent(root -> rows.put(SpreadingScan.ROOT, bootstrapped(k, rootRow(root))));
        full.critical().ifPresent(critical -> {
            SpreadingWindow lo = scan.windows().get(critical.below());
            SpreadingWindow hi = scan.windows().get(critical.below() + 1);
            String window = String.format(Locale.ROOT, "sigma_w = %.6f%s (ln-interpolated between %s and %s), %s",
                    critical.sigmaW(), critical.lambdaRoot() ? " = the lambda_N root of the same runs, the drift of"
                            + " delta_eff having no sign change at this threshold" : "",
                    scan.points().get(critical.below()).sigmaW(),
                    scan.points().get(critical.below() + 1).sigmaW(),
                    (lo.lastLayer() <= hi.lastLayer() ? lo : hi).describe(size, dimensions));
            for (SpreadingObservable o : SpreadingObservable.values()) {
                critical.slopes().get(o).filter(q -> Double.isFinite(o.fromSlope(q.value()))).ifPresent(q ->
                        rows.put(o.quantity(), bootstrapped(k, new FitResult(o.quantity(), o.fromSlope(q.value()),
                                o.derivative(q.value()) * q.stderr(), SpreadingAnalysis.SLOPE_METHOD, window,
                                q.chi2PerDof(), q.used()))));
                curves.add(effective(k, scan.points().size(), o, critical.curves(), "sigma_w_c"));
                curves.add(observed(o, critical.curves()));
            }
            scan.hyperscaling(critical.slopes()).ifPresent(h -> rows.put(SpreadingAnalysis.HYPERSCALING,
                    bootstrapped(k, new FitResult(SpreadingAnalysis.HYPERSCALING, h.value(), h.stderr(),
                            SpreadingAnalysis.HYPERSCALING_METHOD, "theta - (d/z - 2 delta), d = " + dimensions
                            + ", " + window, Double.NaN, 3))));
        });
        curves.addAll(perPoint(k, full));
        return new Result(new SpreadingAnalysis.ThresholdReport(threshold, List.copyOf(rows.values()), curves), rows);
    }

    private FitResult rootRow(FitResult root) {
        String comparison = lambdaRoot.map(l -> String.format(Locale.ROOT, "; lambda_N root of the same runs %s"
                + " (difference %.1f sigma)", l.valueWithError("sigma_w_c"), (root.estimate() - l.estimate())
                / Math.hypot(root.stderr(), l.stderr()))).orElse("; the lambda_N of the same runs has no root");
        return new FitResult(root.quantity(), root.estimate(), root.stderr(), root.method(), root.window()
                + ", where the drift of delta_eff (from ln P = a + b ln l + c ln^2 l on each sigma_w's light-cone"
                + " window) changes sign" + comparison, root.quality(), root.nUsed());
    }

    private FitResult bootstrapped(int k, FitResult row) {
        return resamples.flatMap(r -> r.column(key(k, row.quantity()))).filter(d -> d.successes() >= 2)
                .map(row::withBootstrap).orElse(row);
    }

    /** Per σ_w: each exponent and the drift against σ_w, and the local slopes against the layer. */
    private List<SpreadingAnalysis.Curve> perPoint(int k, SpreadingScan.Statistics full) {
        List<SpreadingAnalysis.Curve> curves = new ArrayList<>();
        List<SpreadingPoint> points = scan.points();
        for (SpreadingObservable o : SpreadingObservable.values()) {
            List<Measurement> exponents = new ArrayList<>();
            for (int p = 0; p < points.size(); p++) {
                double value = SpreadingScan.exponent(o, full.slopes().get(p));
                if (Double.isFinite(value)) {
                    exponents.add(new Measurement(points.get(p).sigmaW(), value,
                            error(k + "/" + p + "/" + o.quantity())));
                }
                String series = String.format(Locale.ROOT, "sigma_w=%s", points.get(p).sigmaW());
                curves.add(effective(k, p, o, full.curves().get(p), series));
            }
            curves.add(new SpreadingAnalysis.Curve(o.quantity(), "sigma_w", exponents));
        }
        List<Measurement> drifts = new ArrayList<>();
        for (int p = 0; p < points.size(); p++) {
            int point = p;
            full.drifts().get(p).ifPresent(d -> drifts.add(new Measurement(d.x(), -d.value(),
                    resamples.isPresent() ? error(k + "/" + point + "/drift") : d.stderr())));
        }
        curves.add(new SpreadingAnalysis.Curve("spreading_delta_eff_drift", "sigma_w", drifts));
        return curves;
    }

    private SpreadingAnalysis.Curve effective(int k, int point, SpreadingObservable o, SpreadingCurves curves,
                                              String series) {
        double[] values = scan.effective(k, point, o, curves);
        double[] layers = scan.effectiveLayers(k, point, o);
        String prefix = point == scan.points().size() ? k + "/c/" : k + "/" + point + "/";
        List<Measurement> points = new ArrayList<>();
        for (int j = 0; j < values.length; j++) {
            if (Double.isFinite(values[j])) {
                points.add(new Measurement(layers[j], values[j], error(prefix + o.quantity() + "/" + j)));
            }
        }
        return new SpreadingAnalysis.Curve(o.quantity() + "_eff", series, points);
    }

    /** P, N_a or R² at the critical point against the layer, with the error of the interpolated mean. */
    private static SpreadingAnalysis.Curve observed(SpreadingObservable o, SpreadingCurves curves) {
        List<Measurement> points = new ArrayList<>();
        double[] ln = curves.ln(o);
        for (int i = 0; i < ln.length; i++) {
            if (Double.isFinite(ln[i])) {
                double value = Math.exp(ln[i]);
                points.add(new Measurement(curves.layers()[i], value, value * Math.sqrt(curves.variance(o)[i])));
            }
        }
        String name = switch (o) {
            case SURVIVAL -> "spreading_survival";
            case ACTIVE_SITES -> "spreading_active_sites";
            case SPREAD -> "spreading_r2";
        };
        return new SpreadingAnalysis.Curve(name, "sigma_w_c", points);
    }

    /** The bootstrap standard error of a statistic; NaN without a bootstrap (the curves then carry no error). */
    private double error(String key) {
        return resamples.flatMap(r -> r.column(key)).map(BootstrapDistribution::standardDeviation)
                .orElse(Double.NaN);
    }
}
