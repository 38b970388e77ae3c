package org.critsweep.fit;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * The growth of Var ln G^l with x = l/n across the widths of an MLP family (PHYSICS.md §5): per width
 * {@link LogVarianceGrowth} at one grid point, and across widths the collapse and the n → ∞ limit of the slope
 * ({@link LogVarianceCollapse}).
 *
 * <p>One point per width: the grid point nearest the width's λ_N root σ_w,c(N), or the width's only point when the
 * scan has one σ_w (a solvable net at its marginal σ_w, where there is no root to find). The growth matters at the
 * critical point, where nothing else bounds it; a 21-σ_w scan would otherwise give 21 rows per width that differ only
 * by how far from criticality they are. A width with several points and no root gets no rows.
 */
public final class LogVarianceAnalysis {

    public static final String SLOPE = "ln_g_var_slope";
    public static final String CURVATURE = "ln_g_var_curvature";
    public static final String SLOPE_EXACT = "ln_g_var_slope_exact";
    /** The measured Var ln G against l/n per width ({@code N=64}), and the exact law at the same x. */
    public static final String CURVE = "ln_g_var";
    public static final String CURVE_EXACT = "ln_g_var_exact";
    private static final String METHOD = "ols_quadratic_in_l_over_n";

    /**
     * One width's fit.
     *
     * @param curve Var ln G per layer (x = l/n) with the error √((κ + 2)/M) relative, κ the excess kurtosis of ln G
     *              over the M replicas (NaN where ln G is constant: a linear net's layer 0)
     * @param exact the exact law at this width and σ_w, where there is one
     */
    public record Width(int width, double sigmaW, LogVarianceGrowth growth, List<Measurement> curve,
                        Optional<ExactGrowth> exact, String window, String method) {

        /** {@code ln_g_var_slope}, {@code ln_g_var_curvature} and, with the exact law, {@code ln_g_var_slope_exact}. */
        public List<FitResult> fits() {
            List<FitResult> fits = new ArrayList<>();
            FitResult slope = new FitResult(SLOPE, growth.slope(), growth.slopeStderr(), method, window, Double.NaN,
                    growth.layersUsed());
            fits.add(slope);
            fits.add(new FitResult(CURVATURE, growth.curvature(), growth.curvatureStderr(), method, window,
                    Double.NaN, growth.layersUsed()));
            exact.ifPresent(e -> fits.add(new FitResult(SLOPE_EXACT, e.slope(), Double.NaN, Double.NaN, Double.NaN,
                    "exact_n_var_ln_r", "n Var ln R of the exact law (PHYSICS.md section 5); fitted "
                    + slope.valueWithError("s"), (growth.slope() - e.slope()) / growth.slopeStderr(),
                    growth.layersUsed())));
            return fits;
        }

        /** The exact Var ln G at the x of {@link #curve}; empty without the law. */
        public List<Measurement> exactCurve() {
            return exact.map(e -> curve.stream().map(m -> new Measurement(m.x(), e.at(m.x()), 0.0)).toList())
                    .orElse(List.of());
        }
    }

    /** The widths' fits (ascending width) and what pools them. */
    public record Result(List<Width> widths, LogVarianceCollapse collapse) {
    }

    private final AnalysisSpec analysis;
    private final long campaignSeed;

    /** @param campaignSeed seeds the bootstraps, with the family's label (as {@link FamilyAnalysis}) */
    public LogVarianceAnalysis(AnalysisSpec analysis, long campaignSeed) {
        this.analysis = analysis;
        this.campaignSeed = campaignSeed;
    }

    /** The λ_N roots σ_w,c(N) of a family's analysis, by width (widths without a root absent). */
    public static Map<Integer, Double> roots(FamilyAnalysis.Report report) {
        Map<Integer, Double> roots = new HashMap<>();
        report.sizes().forEach(s -> s.root().ifPresent(r -> roots.put(s.size(), r.estimate())));
        return roots;
    }

    /**
     * @param roots σ_w,c(N) by width ({@link #roots})
     * @param exact the exact law at (width, σ_w), empty where there is none
     */
    public Result analyse(FamilyData data, Map<Integer, Double> roots,
                          BiFunction<Integer, Double, Optional<ExactGrowth>> exact) {
        List<Width> widths = new ArrayList<>();
        for (Map.Entry<Integer, List<LambdaPoint>> entry : data.lambdaBySize().entrySet()) {
            int width = entry.getKey();
            Optional<Double> root = Optional.ofNullable(roots.get(width));
            chosen(entry.getValue(), root).ifPresent(p -> analyseWidth(data, width, p, root, exact)
                    .ifPresent(widths::add));
        }
        return new Result(widths, LogVarianceCollapse.of(widths));
    }

    /** The point nearest the root, else the width's only point. */
    static Optional<LambdaPoint> chosen(List<LambdaPoint> points, Optional<Double> root) {
        if (root.isPresent()) {
            double target = root.get();
            return points.stream().min((a, b) -> Double.compare(Math.abs(a.sigmaW() - target),
                    Math.abs(b.sigmaW() - target)));
        }
        return points.size() == 1 ? Optional.of(points.get(0)) : Optional.empty();
    }

    private Optional<Width> analyseWidth(FamilyData data, int width, LambdaPoint point, Optional<Double> root,
                                         BiFunction<Integer, Double, Optional<ExactGrowth>> exact) {
        ReplicaMatrix lnG = data.replicaLnG(List.of(point.pointId()), new LayerWindow(0, point.depth()))
                .get(point.pointId());
        if (lnG == null) {
            return Optional.empty();
        }
        int[] layers = new int[lnG.x().length];
        for (int j = 0; j < layers.length; j++) {
            layers[j] = (int) lnG.x()[j];
        }
        Bootstrap bootstrap = analysis.bootstrap() == 0 ? null : new Bootstrap(analysis.bootstrap(),
                FamilyAnalysis.seed(campaignSeed, data.family(), "ln_g_var/" + width));
        String where = root.map(r -> String.format(Locale.ROOT, "nearest sigma_w_c(N) = %.6f", r))
                .orElse("the width's only point");
        return LogVarianceGrowth.fit(width, layers, lnG.values(), bootstrap).map(growth -> new Width(width,
                point.sigmaW(), growth, curve(lnG, width), exact.apply(width, point.sigmaW()),
                String.format(Locale.ROOT, "layer in [%d, %d] (l/N up to %.4g) at sigma_w = %.6f, %s", layers[0],
                        layers[layers.length - 1], layers[layers.length - 1] / (double) width, point.sigmaW(), where),
                bootstrap == null ? METHOD : METHOD + "+bootstrap"));
    }

    /** Var ln G per layer over the replicas, with the error of a sample variance (as the curves table's). */
    static List<Measurement> curve(ReplicaMatrix lnG, int width) {
        double[][] v = lnG.values();
        int m = v.length;
        List<Measurement> curve = new ArrayList<>(lnG.x().length);
        for (int j = 0; j < lnG.x().length; j++) {
            double mean = 0.0;
            for (double[] replica : v) {
                mean += replica[j];
            }
            mean /= m;
            double second = 0.0;
            double fourth = 0.0;
            for (double[] replica : v) {
                double d = (replica[j] - mean) * (replica[j] - mean);
                second += d;
                fourth += d * d;
            }
            double variance = second / (m - 1);
            double excessKurtosis = m * fourth / (second * second) - 3.0;
            double stderr = second > 0 ? variance * Math.sqrt((excessKurtosis + 2.0) / m) : Double.NaN;
            curve.add(new Measurement(lnG.x()[j] / width, variance, stderr));
        }
        return curve;
    }
}
