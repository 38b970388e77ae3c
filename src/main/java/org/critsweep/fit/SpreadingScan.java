package org.critsweep.fit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One lattice size of a spreading family at every threshold (PHYSICS.md §7): for one draw of replicas — the full data
 * or a bootstrap resample — the exponents of each σ_w, the drift of each σ_w's δ_eff, the σ_w where that drift
 * changes sign, and the exponents there on the curves interpolated (ln linear in σ_w) between the two bracketing grid
 * points. The windows, the fit weights and the layer pairs of the local slopes are fixed by the full data, so every
 * resample is fitted alike.
 */
final class SpreadingScan {

    static final String ROOT = "sigma_w_c_spreading";
    static final String ROOT_METHOD = "flat_local_slope";

    /** The statistics of one threshold and draw. */
    record Statistics(List<Optional<Measurement>> drifts, Optional<FitResult> root, Optional<Critical> critical,
                      List<Map<SpreadingObservable, Optional<LogLogFit.Coefficient>>> slopes,
                      List<SpreadingCurves> curves) {
    }

    /**
     * The curves at the critical point and their slopes; {@code lastLayer} is the earlier of the two points' light
     * cones; {@code lambdaRoot} when the drift had no sign change and the λ_N root of the same runs stands in.
     */
    record Critical(double sigmaW, boolean lambdaRoot, int below, int lastLayer, SpreadingCurves curves,
                    Map<SpreadingObservable, Optional<LogLogFit.Coefficient>> slopes) {
    }

    private final List<SpreadingPoint> points;
    private final List<SpreadingReplicas> replicas;
    private final List<SpreadingWindow> windows;
    private final int dimensions;
    private final Optional<Double> lambdaRoot;
    /** [threshold][point]: whether a replica died in the point's window, so that its drift is measured. */
    private final boolean[][] informative;
    /** [threshold]: the full data's drift has no sign change, so the exponents are measured at the λ_N root. */
    private final boolean[] atLambdaRoot;
    private final List<SpreadingCurves[]> weights = new ArrayList<>();
    private final List<Statistics> full = new ArrayList<>();
    /** [threshold][point][observable] the local-slope pairs; the last "point" is the critical curve. */
    private final List<List<Map<SpreadingObservable, List<int[]>>>> pairs = new ArrayList<>();

    SpreadingScan(List<SpreadingPoint> points, List<SpreadingReplicas> replicas, List<SpreadingWindow> windows,
                  int dimensions, Optional<Double> lambdaRoot) {
        this.points = List.copyOf(points);
        this.lambdaRoot = lambdaRoot;
        this.replicas = List.copyOf(replicas);
        this.windows = List.copyOf(windows);
        this.dimensions = dimensions;
        int[][] all = Bootstrap.identity(groupSizes());
        for (int p = 0; p < points.size(); p++) {
            SpreadingCurves[] byThreshold = new SpreadingCurves[thresholds()];
            for (int k = 0; k < thresholds(); k++) {
                byThreshold[k] = replicas.get(p).curves(k, all[p]);
            }
            weights.add(byThreshold);
        }
        informative = new boolean[thresholds()][points.size()];
        atLambdaRoot = new boolean[thresholds()];
        for (int k = 0; k < thresholds(); k++) {
            for (int p = 0; p < points.size(); p++) {
                informative[k][p] = anyDeath(weights.get(p)[k], windows.get(p).lastLayer());
            }
            Statistics statistics = statistics(k, all);
            if (statistics.root().isEmpty() && lambdaRoot.isPresent()) {
                atLambdaRoot[k] = true;
                statistics = statistics(k, all);
            }
            full.add(statistics);
            List<Map<SpreadingObservable, List<int[]>>> byPoint = new ArrayList<>();
            for (int p = 0; p < points.size(); p++) {
                byPoint.add(pairsOf(statistics.curves().get(p), windows.get(p).lastLayer()));
            }
            byPoint.add(statistics.critical().map(c -> pairsOf(c.curves(), c.lastLayer())).orElse(Map.of()));
            pairs.add(byPoint);
        }
    }

    int thresholds() {
        return replicas.get(0).thresholds();
    }

    int[] groupSizes() {
        return replicas.stream().mapToInt(SpreadingReplicas::replicas).toArray();
    }

    List<SpreadingPoint> points() {
        return points;
    }

    List<SpreadingWindow> windows() {
        return windows;
    }

    Statistics full(int k) {
        return full.get(k);
    }

    /** The statistics of threshold k for one draw of every point's replicas. */
    Statistics statistics(int k, int[][] draw) {
        List<SpreadingCurves> curves = new ArrayList<>();
        List<Optional<Measurement>> drifts = new ArrayList<>();
        List<Map<SpreadingObservable, Optional<LogLogFit.Coefficient>>> slopes = new ArrayList<>();
        List<Measurement> scan = new ArrayList<>();
        for (int p = 0; p < points.size(); p++) {
            SpreadingCurves c = replicas.get(p).curves(k, draw[p]).weightedAs(weights.get(p)[k]);
            int last = windows.get(p).lastLayer();
            curves.add(c);
            slopes.add(slopes(c, last));
            double sigmaW = points.get(p).sigmaW();
            Optional<Measurement> drift = LogLogFit.curvature(c.layers(), c.ln(SpreadingObservable.SURVIVAL),
                    c.variance(SpreadingObservable.SURVIVAL), last)
                    .map(q -> new Measurement(sigmaW, 2 * q.value(), 2 * q.stderr()));
            drifts.add(drift);
            if (informative[k][p]) {
                drift.ifPresent(scan::add);
            }
        }
        Optional<FitResult> root = atLambdaRoot[k] ? Optional.empty() : LyapunovRoot.find(scan, ROOT, ROOT_METHOD);
        Optional<Critical> critical = atLambdaRoot[k] ? critical(lambdaRoot.orElseThrow(), true, curves)
                : root.flatMap(r -> critical(r.estimate(), false, curves));
        return new Statistics(drifts, root, critical, slopes, curves);
    }

    /**
     * Whether P falls below 1 within the window: where no replica dies, ln P ≡ 0, δ_eff is 0 by construction and its
     * drift says nothing about the phase (a threshold too low to see the activity die).
     */
    private static boolean anyDeath(SpreadingCurves curves, int lastLayer) {
        double[] ln = curves.ln(SpreadingObservable.SURVIVAL);
        for (int i = 0; i < ln.length; i++) {
            if (curves.layers()[i] <= lastLayer && (ln[i] < 0.0 || Double.isNaN(ln[i]))) {
                return true;
            }
        }
        return false;
    }

    private Optional<Critical> critical(double sigmaW, boolean atLambda, List<SpreadingCurves> curves) {
        for (int p = 0; p + 1 < points.size(); p++) {
            double lo = points.get(p).sigmaW();
            double hi = points.get(p + 1).sigmaW();
            if (lo <= sigmaW && sigmaW <= hi) {
                SpreadingCurves c = curves.get(p).interpolate(curves.get(p + 1), (sigmaW - lo) / (hi - lo));
                int last = Math.min(windows.get(p).lastLayer(), windows.get(p + 1).lastLayer());
                return Optional.of(new Critical(sigmaW, atLambda, p, last, c, slopes(c, last)));
            }
        }
        return Optional.empty();
    }

    private static Map<SpreadingObservable, Optional<LogLogFit.Coefficient>> slopes(SpreadingCurves c, int last) {
        Map<SpreadingObservable, Optional<LogLogFit.Coefficient>> slopes = new LinkedHashMap<>();
        for (SpreadingObservable o : SpreadingObservable.values()) {
            slopes.put(o, LogLogFit.slope(c.layers(), c.ln(o), c.variance(o), last));
        }
        return slopes;
    }

    private static Map<SpreadingObservable, List<int[]>> pairsOf(SpreadingCurves c, int last) {
        Map<SpreadingObservable, List<int[]>> pairs = new LinkedHashMap<>();
        for (SpreadingObservable o : SpreadingObservable.values()) {
            pairs.put(o, LogLogFit.slopePairs(c.layers(), c.ln(o), c.variance(o), last,
                    EffectiveExponent.LAYER_RATIO));
        }
        return pairs;
    }

    /**
     * The local-slope exponents of a point ({@code point} = the number of points for the critical curve) at its
     * full-data layer pairs; NaN where this draw has no value.
     */
    double[] effective(int k, int point, SpreadingObservable o, SpreadingCurves curves) {
        List<int[]> chosen = pairs.get(k).get(point).getOrDefault(o, List.of());
        double[] values = new double[chosen.size()];
        for (int j = 0; j < values.length; j++) {
            values[j] = o.fromSlope(LogLogFit.localSlope(curves.layers(), curves.ln(o), chosen.get(j)));
        }
        return values;
    }

    /** The geometric middle layer of each local-slope pair. */
    double[] effectiveLayers(int k, int point, SpreadingObservable o) {
        double[] layers = replicas.get(0).layers();
        return pairs.get(k).get(point).getOrDefault(o, List.of()).stream()
                .mapToDouble(pair -> Math.sqrt(layers[pair[0]] * layers[pair[1]])).toArray();
    }

    /** θ − (d/z − 2δ) from the three slopes: s_N − d s_R / 2 − 2 s_P; with its error, the slopes independent. */
    Optional<Measurement> hyperscaling(Map<SpreadingObservable, Optional<LogLogFit.Coefficient>> slopes) {
        Optional<LogLogFit.Coefficient> p = slopes.get(SpreadingObservable.SURVIVAL);
        Optional<LogLogFit.Coefficient> n = slopes.get(SpreadingObservable.ACTIVE_SITES);
        Optional<LogLogFit.Coefficient> r = slopes.get(SpreadingObservable.SPREAD);
        if (p.isEmpty() || n.isEmpty() || r.isEmpty()) {
            return Optional.empty();
        }
        double half = dimensions / 2.0;
        double value = n.get().value() - half * r.get().value() - 2 * p.get().value();
        double error = Math.sqrt(Math.pow(n.get().stderr(), 2) + Math.pow(half * r.get().stderr(), 2)
                + Math.pow(2 * p.get().stderr(), 2));
        return Optional.of(new Measurement(0.0, value, error));
    }

    /**
     * Every statistic of a draw by name, in a fixed order (the full data's keys): per threshold k the root
     * {@code k/root}, at it {@code k/c/<quantity>} and {@code k/c/hyperscaling} and the local slopes
     * {@code k/c/<quantity>/<j>}, and per point p {@code k/p/<quantity>}, {@code k/p/drift} and
     * {@code k/p/<quantity>/<j>}.
     */
    Map<String, Double> vector(int[][] draw) {
        Map<String, Double> values = new LinkedHashMap<>();
        for (int k = 0; k < thresholds(); k++) {
            Statistics s = statistics(k, draw);
            values.put(k + "/root", s.root().map(FitResult::estimate).orElse(Double.NaN));
            String c = k + "/c/";
            Optional<Critical> critical = s.critical();
            for (SpreadingObservable o : SpreadingObservable.values()) {
                values.put(c + o.quantity(), critical.map(x -> exponent(o, x.slopes())).orElse(Double.NaN));
                int threshold = k;
                int pairsAtCritical = pairs.get(k).get(points.size()).getOrDefault(o, List.of()).size();
                double[] atCritical = critical.map(x -> effective(threshold, points.size(), o, x.curves()))
                        .orElseGet(() -> nans(pairsAtCritical));
                for (int j = 0; j < atCritical.length; j++) {
                    values.put(c + o.quantity() + "/" + j, atCritical[j]);
                }
            }
            values.put(c + "hyperscaling", critical.flatMap(x -> hyperscaling(x.slopes())).map(Measurement::value)
                    .orElse(Double.NaN));
            for (int p = 0; p < points.size(); p++) {
                String prefix = k + "/" + p + "/";
                for (SpreadingObservable o : SpreadingObservable.values()) {
                    values.put(prefix + o.quantity(), exponent(o, s.slopes().get(p)));
                    double[] effective = effective(k, p, o, s.curves().get(p));
                    for (int j = 0; j < effective.length; j++) {
                        values.put(prefix + o.quantity() + "/" + j, effective[j]);
                    }
                }
                values.put(prefix + "drift", s.drifts().get(p).map(Measurement::value).orElse(Double.NaN));
            }
        }
        return values;
    }

    private static double[] nans(int n) {
        double[] values = new double[n];
        java.util.Arrays.fill(values, Double.NaN);
        return values;
    }

    static double exponent(SpreadingObservable o, Map<SpreadingObservable, Optional<LogLogFit.Coefficient>> slopes) {
        double value = slopes.get(o).map(q -> o.fromSlope(q.value())).orElse(Double.NaN);
        return Double.isFinite(value) ? value : Double.NaN;
    }
}
