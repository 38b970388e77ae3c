package org.critsweep.fit;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeSet;

/**
 * The spreading analysis of one CNN family (PHYSICS.md §7): per lattice size and activity threshold, the critical
 * point where the local slope of P(l) stops drifting, δ, θ and z there from P(l) ~ l^−δ, N_a(l) ~ l^θ and
 * R²(l) ~ l^{2/z}, the hyperscaling residual θ − (d/z − 2δ), and the effective exponents and per-σ_w exponents as
 * curves; per size, each of these combined over the thresholds (the middle threshold's value with the spread across
 * thresholds as a systematic) with a test of whether the thresholds agree; and, from the largest size, the evidence
 * for the universality verdict. Every error comes from one bootstrap over replicas per size, which redraws every σ_w
 * point and so carries the critical point's uncertainty into the exponents.
 */
public final class SpreadingAnalysis {

    public static final String HYPERSCALING = "hyperscaling_residual";
    public static final String SLOPE_METHOD = "wls_log_log";
    public static final String HYPERSCALING_METHOD = "log_log_slopes";
    public static final String TENSION_SUFFIX = "_threshold_tension";
    /** Two-sided 99 % normal quantile: thresholds whose estimates differ by less agree. */
    static final double AGREE = 2.5758293035489;

    /** A curve for {@code fit_curves}: its name, its series and its points. */
    public record Curve(String name, String series, List<Measurement> points) {
    }

    /** What one threshold gave at one size: rows for scope {@code L=<L>, threshold=<t>}, and curves. */
    public record ThresholdReport(double threshold, List<FitResult> fits, List<Curve> curves) {
    }

    /** One size: its thresholds, and the rows combined across them (scope {@code L=<L>}). */
    public record SizeReport(int size, List<ThresholdReport> thresholds, List<FitResult> combined) {
    }

    /**
     * Everything found for a family: the evidence and the verdict come from the largest size that has exponents,
     * {@code evidenceSize} (0 without one); the verdict is empty when no size gave δ or z.
     */
    public record Report(List<SizeReport> sizes, List<ExponentEvidence> evidence, int evidenceSize,
                         Optional<UniversalityVerdict.Verdict> verdict) {
    }

    private final AnalysisSpec analysis;
    private final long campaignSeed;

    public SpreadingAnalysis(AnalysisSpec analysis, long campaignSeed) {
        this.analysis = analysis;
        this.campaignSeed = campaignSeed;
    }

    public Report analyse(SpreadingData data) {
        List<SizeReport> sizes = new ArrayList<>();
        List<ExponentEvidence> evidence = new ArrayList<>();
        int evidenceSize = 0;
        SortedMap<Integer, List<SpreadingPoint>> bySize = data.pointsBySize();
        for (Map.Entry<Integer, List<SpreadingPoint>> entry : bySize.entrySet()) {
            Optional<SpreadingScan> scan = scan(data, entry.getKey(), entry.getValue());
            if (scan.isPresent()) {
                SizeResult result = analyseSize(data, entry.getKey(), scan.get());
                sizes.add(result.report());
                if (!result.evidence().isEmpty()) {
                    evidence = result.evidence();
                    evidenceSize = entry.getKey();
                }
            }
        }
        Optional<UniversalityVerdict.Verdict> verdict = evidence.stream()
                .anyMatch(e -> UniversalityClass.QUANTITIES.contains(e.quantity()))
                ? Optional.of(UniversalityVerdict.judge(evidence, data.family().dimension())) : Optional.empty();
        return new Report(sizes, evidence, evidenceSize, verdict);
    }

    private record SizeResult(SizeReport report, List<ExponentEvidence> evidence) {
    }

    /** The scan of one size, or empty when its window holds fewer than 4 recorded layers. */
    private Optional<SpreadingScan> scan(SpreadingData data, int size, List<SpreadingPoint> points) {
        int d = data.family().dimension();
        List<String> ids = points.stream().map(SpreadingPoint::pointId).toList();
        Map<String, List<Measurement>> spread = data.meanSpread(ids);
        TreeSet<Integer> recorded = new TreeSet<>();
        spread.values().forEach(curve -> curve.forEach(m -> recorded.add((int) m.x())));
        List<SpreadingWindow> windows = points.stream().map(p -> SpreadingWindow.of(analysis, size, d, p.depth(),
                spread.getOrDefault(p.pointId(), List.of()))).toList();
        int from = windows.stream().mapToInt(SpreadingWindow::from).min().orElse(0);
        int to = windows.stream().mapToInt(SpreadingWindow::lastLayer).max().orElse(0);
        List<Integer> layers = SpreadingWindow.layers(new ArrayList<>(recorded), from, to);
        if (layers.size() < 4) {
            return Optional.empty();
        }
        Map<String, SpreadingReplicas> replicas = data.replicas(ids, layers);
        List<SpreadingPoint> kept = new ArrayList<>();
        List<SpreadingReplicas> keptReplicas = new ArrayList<>();
        List<SpreadingWindow> keptWindows = new ArrayList<>();
        for (int p = 0; p < points.size(); p++) {
            SpreadingReplicas r = replicas.get(points.get(p).pointId());
            if (r != null && r.replicas() >= 2) {
                kept.add(points.get(p));
                keptReplicas.add(r);
                keptWindows.add(windows.get(p));
            }
        }
        return kept.isEmpty() ? Optional.empty() : Optional.of(new SpreadingScan(kept, keptReplicas, keptWindows, d,
                lambdaRoot(kept).map(FitResult::estimate)));
    }

    private SizeResult analyseSize(SpreadingData data, int size, SpreadingScan scan) {
        Optional<Resamples> resamples = Optional.empty();
        if (analysis.bootstrap() > 0) {
            Bootstrap bootstrap = new Bootstrap(analysis.bootstrap(),
                    FamilyAnalysis.seed(campaignSeed, data.family(), "spreading/L=" + size));
            List<String> keys = new ArrayList<>(scan.vector(Bootstrap.identity(scan.groupSizes())).keySet());
            double[][] samples = bootstrap.resample(scan.groupSizes(), draw -> {
                Map<String, Double> values = scan.vector(draw);
                return keys.stream().mapToDouble(key -> values.getOrDefault(key, Double.NaN)).toArray();
            });
            resamples = Optional.of(new Resamples(keys, samples));
        }
        SpreadingThresholdReport reporter = new SpreadingThresholdReport(scan, size, data.family().dimension(), resamples,
                lambdaRoot(scan.points()));
        List<ThresholdReport> thresholds = new ArrayList<>();
        List<Map<String, FitResult>> byThreshold = new ArrayList<>();
        for (int k = 0; k < scan.thresholds(); k++) {
            SpreadingThresholdReport.Result result = reporter.report(k, data.thresholds().get(k));
            thresholds.add(result.report());
            byThreshold.add(result.byQuantity());
        }
        SpreadingThresholds combination = new SpreadingThresholds(data.thresholds(), byThreshold, resamples);
        List<FitResult> combined = combination.combined();
        List<ExponentEvidence> evidence = new ArrayList<>();
        for (SpreadingObservable o : SpreadingObservable.values()) {
            combination.evidence(o, String.format(Locale.ROOT, "spreading, L=%d", size)).ifPresent(evidence::add);
        }
        return new SizeResult(new SizeReport(size, thresholds, combined), evidence);
    }

    /** The Lyapunov root of the same runs (their tangents), for comparison with the spreading critical point. */
    private static Optional<FitResult> lambdaRoot(List<SpreadingPoint> points) {
        List<Measurement> scan = new ArrayList<>();
        for (SpreadingPoint p : points) {
            if (p.lambda().replicas() >= 2) {
                Measurement m = p.lambda().mean(Bootstrap.identity(new int[] {p.lambda().replicas()})[0]).get(0);
                scan.add(new Measurement(p.sigmaW(), m.value(), m.stderr()));
            }
        }
        return LyapunovRoot.find(scan);
    }

    /** The bootstrap's resampled statistics, by the names of {@link SpreadingScan#vector}. */
    record Resamples(List<String> keys, double[][] samples) {

        Optional<BootstrapDistribution> column(String key) {
            int index = keys.indexOf(key);
            return index < 0 ? Optional.empty() : Optional.of(Bootstrap.column(samples, index));
        }

        /** The paired differences a − b of two statistics over the resamples where both exist. */
        Optional<BootstrapDistribution> difference(String a, String b) {
            int i = keys.indexOf(a);
            int j = keys.indexOf(b);
            if (i < 0 || j < 0) {
                return Optional.empty();
            }
            double[][] differences = new double[samples.length][];
            for (int s = 0; s < samples.length; s++) {
                differences[s] = new double[] {samples[s][i] - samples[s][j]};
            }
            return Optional.of(Bootstrap.column(differences, 0));
        }
    }
}
