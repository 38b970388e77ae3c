package org.critsweep.spark;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.critsweep.fit.BayesianCollapse;
import org.critsweep.fit.Bootstrap;
import org.critsweep.fit.CollapseResult;
import org.critsweep.fit.CriticalDecayAnalysis;
import org.critsweep.fit.CriticalPointAnalysis;
import org.critsweep.fit.CriticalPointExtrapolation;
import org.critsweep.fit.DataCollapse;
import org.critsweep.fit.EffectiveExponent;
import org.critsweep.fit.FitResult;
import org.critsweep.fit.HoudayerHartmannCollapse;
import org.critsweep.fit.LyapunovRoot;
import org.critsweep.fit.Measurement;
import org.critsweep.fit.OffCriticalAnalysis;
import org.critsweep.fit.ReplicaMatrix;
import org.critsweep.fit.ScalingForm;
import org.critsweep.fit.ScalingPoint;
import org.critsweep.fit.UniversalityVerdict;
import org.critsweep.grid.AnalysisSpec;
import org.critsweep.grid.FamilyMember;
import org.critsweep.grid.ScalingFamily;

/**
 * The scaling analysis of one family (PHYSICS.md §6–7), on the driver: the critical point per size and its
 * extrapolation, the critical decay per size, the ρ-based cross-check, β and ν_∥ at the largest size, the collapses
 * across sizes, and the universality verdict. Spark only supplies the data ({@link FitInputs}); the numerics are the
 * pure {@code fit} package.
 */
final class FamilyAnalysis {

    static final String RHO_ROOT = "sigma_w_c_rho";
    static final String RHO_ROOT_METHOD = "flat_effective_exponent";

    /** What one size gave. */
    record SizeResult(int size, FamilyMember family, String sigmaWRange, Optional<FitResult> root,
                      Optional<FitResult> rhoRoot, Optional<CriticalDecayAnalysis.Result> decay,
                      Optional<Double> decayAt, List<String> bracket) {
    }

    /** One collapse: which data ({@code depth_scan} or {@code lambda}), how, and its result. */
    record Collapse(String data, CollapseResult result, String window) {
    }

    /** Everything found for a family. */
    record Report(ScalingFamily family, List<SizeResult> sizes,
                  Optional<CriticalPointExtrapolation.Extrapolation> extrapolation, Optional<SizeResult> offCriticalSize,
                  Optional<OffCriticalAnalysis.Result> offCritical, List<Collapse> collapses,
                  UniversalityVerdict.Verdict verdict) {
    }

    private final FitInputs inputs;
    private final AnalysisSpec analysis;
    private final long campaignSeed;

    FamilyAnalysis(FitInputs inputs, AnalysisSpec analysis, long campaignSeed) {
        this.inputs = inputs;
        this.analysis = analysis;
        this.campaignSeed = campaignSeed;
    }

    Report analyse(ScalingFamily family, TreeMap<Integer, List<FitInputs.PointLambda>> bySize) {
        List<CriticalPointAnalysis.SizeScan> scans = new ArrayList<>();
        bySize.forEach((size, points) -> scans.add(new CriticalPointAnalysis.SizeScan(size,
                points.stream().mapToDouble(FitInputs.PointLambda::sigmaW).toArray(),
                points.stream().map(FitInputs.PointLambda::lambda).toArray(ReplicaMatrix[]::new))));
        CriticalPointAnalysis.Result critical = CriticalPointAnalysis.analyse(scans,
                bootstrap(family, "critical_point"), family.mlp() && scans.size() >= 2);
        List<SizeResult> sizes = new ArrayList<>();
        int index = 0;
        for (Map.Entry<Integer, List<FitInputs.PointLambda>> entry : bySize.entrySet()) {
            sizes.add(analyseSize(family, entry.getKey(), entry.getValue(), critical.roots().get(index++)));
        }
        Optional<SizeResult> largest = sizes.stream().filter(s -> s.root().isPresent())
                .reduce((a, b) -> b);
        Optional<OffCriticalAnalysis.Result> offCritical = largest
                .flatMap(s -> offCritical(family, s, bySize.get(s.size())));
        List<Collapse> collapses = analysis.wants("fss") && bySize.size() >= 2
                ? collapses(family, bySize, critical) : List.of();
        List<FitResult> exponents = new ArrayList<>(offCritical.map(OffCriticalAnalysis.Result::exponents)
                .orElse(List.of()));
        largest.flatMap(SizeResult::decay).flatMap(CriticalDecayAnalysis.Result::delta).ifPresent(exponents::add);
        if (!family.mlp()) {
            collapses.stream().filter(c -> c.data().equals("depth_scan")).findFirst()
                    .ifPresent(c -> exponents.add(asZ(c)));
        }
        return new Report(family, sizes, critical.extrapolation(), largest, offCritical, collapses,
                UniversalityVerdict.judge(exponents));
    }

    /**
     * The critical decay is measured at the size's own root σ_w,c(N): there the slight chaos of τ ≈ 3/N offsets the
     * finite-width decay, and the curve follows 1/(κ(l + l0)) furthest. (At σ_w,c(∞) the same window already bends
     * down: on the tanh σ_b = 0.3 campaign of conf/mlp-tanh-fss.conf δ reads 1.22 ± 0.04 at N = 1024 there, against
     * 1.01 ± 0.04 at σ_w,c(N).)
     */
    private SizeResult analyseSize(ScalingFamily family, int size, List<FitInputs.PointLambda> points,
                                   Optional<FitResult> root) {
        FamilyMember member = points.get(0).family();
        String range = "[" + points.get(0).sigmaW() + ", " + points.get(points.size() - 1).sigmaW() + "]";
        if (root.isEmpty()) {
            return new SizeResult(size, member, range, root, Optional.empty(), Optional.empty(), Optional.empty(),
                    List.of());
        }
        int depth = points.get(0).depth();
        int[] window = FitWindows.decay(analysis, family, size, depth);
        Optional<Double> decayAt = root.map(FitResult::estimate);
        Optional<Integer> upper = decayAt.flatMap(target -> FitInputs.upperBracket(points, target));
        Optional<CriticalDecayAnalysis.Result> decay = Optional.empty();
        List<String> bracket = List.of();
        if (analysis.wants("delta") && upper.isPresent() && window[1] > window[0]) {
            FitInputs.PointLambda below = points.get(upper.get() - 1);
            FitInputs.PointLambda above = points.get(upper.get());
            bracket = List.of(below.pointId(), above.pointId());
            Map<String, ReplicaMatrix> rho = inputs.replicaRho(bracket, window[0], window[1]);
            double weight = (decayAt.get() - below.sigmaW()) / (above.sigmaW() - below.sigmaW());
            if (rho.containsKey(below.pointId()) && rho.containsKey(above.pointId())) {
                decay = Optional.of(CriticalDecayAnalysis.analyse(new CriticalDecayAnalysis.Bracket(
                        rho.get(below.pointId()), rho.get(above.pointId()), weight), window[0], window[1],
                        bootstrap(family, "decay/" + size)));
            }
        }
        double offset = decay.map(CriticalDecayAnalysis.Result::offset).filter(Double::isFinite).orElse(0.0);
        return new SizeResult(size, member, range, root, rhoRoot(points, window, offset), decay, decayAt, bracket);
    }

    /** The ρ-based cross-check: σ_w where the drift of δ_eff changes sign from growing to falling. */
    private Optional<FitResult> rhoRoot(List<FitInputs.PointLambda> points, int[] window, double offset) {
        Map<String, List<Measurement>> curves = inputs.curves(ids(points), "rho_mean", "rho_stderr", window[0],
                window[1]);
        List<Measurement> negativeDrift = new ArrayList<>();
        for (FitInputs.PointLambda p : points) {
            List<Measurement> curve = curves.getOrDefault(p.pointId(), List.of());
            EffectiveExponent.drift(EffectiveExponent.curve(curve, offset, window[0], window[1]), offset)
                    .ifPresent(d -> negativeDrift.add(new Measurement(p.sigmaW(), -d.value(), d.stderr())));
        }
        return LyapunovRoot.find(negativeDrift, RHO_ROOT, RHO_ROOT_METHOD);
    }

    private Optional<OffCriticalAnalysis.Result> offCritical(ScalingFamily family, SizeResult size,
                                                             List<FitInputs.PointLambda> points) {
        boolean beta = analysis.wants("beta");
        boolean nu = analysis.wants("nu_par");
        if (!beta && !nu) {
            return Optional.empty();
        }
        int depth = points.get(0).depth();
        int[] xiWindow = FitWindows.decay(analysis, family, size.size(), depth);
        int[] plateau = FitWindows.plateau(depth);
        Map<String, ReplicaMatrix> rho = inputs.replicaRho(ids(points), Math.min(xiWindow[0], plateau[0]), depth);
        List<OffCriticalAnalysis.ScanPoint> scan = points.stream().filter(p -> rho.containsKey(p.pointId()))
                .map(p -> new OffCriticalAnalysis.ScanPoint(p.sigmaW(), rho.get(p.pointId()))).toList();
        double[] tau = analysis.tauWindow();
        return Optional.of(OffCriticalAnalysis.analyse(scan, size.root().orElseThrow(),
                new OffCriticalAnalysis.Settings(plateau, xiWindow, tau[0] / size.size(), tau[1], beta, nu),
                bootstrap(family, "off_critical")));
    }

    private List<Collapse> collapses(ScalingFamily family, TreeMap<Integer, List<FitInputs.PointLambda>> bySize,
                                     CriticalPointAnalysis.Result critical) {
        Optional<Double> target = critical.extrapolation().map(e -> e.infinite().estimate())
                .or(() -> critical.roots().stream().flatMap(Optional::stream).map(FitResult::estimate)
                        .reduce((a, b) -> b));
        if (target.isEmpty()) {
            return List.of();
        }
        List<ScalingPoint> depthScan = DepthScanData.at(inputs, family, bySize, target.get(),
                analysis.collapseWindow());
        double tauMax = analysis.tauWindow()[1];
        List<ScalingPoint> lambda = lambdaData(bySize, target.get(), tauMax);
        String depthWindow = String.format(java.util.Locale.ROOT, "sigma_w = %.6f, %s in %s, %s", target.get(),
                family.sizeSymbol(), bySize.keySet(), FitWindows.describeCollapse(family, analysis.collapseWindow()));
        String lambdaWindow = String.format(java.util.Locale.ROOT, "|sigma_w - %.6f| <= %s, %s in %s", target.get(),
                tauMax, family.sizeSymbol(), bySize.keySet());
        List<Collapse> collapses = new ArrayList<>();
        for (String method : analysis.collapse()) {
            DataCollapse collapse = method.equals("hh") ? new HoudayerHartmannCollapse()
                    : new BayesianCollapse(seed(family, "collapse/" + method), analysis.mcmcSteps());
            if (distinctSizes(depthScan) >= 2) {
                collapses.add(new Collapse("depth_scan", collapse.fit(depthScan, ScalingForm.depthScan(),
                        new double[] {0.5, 1.0}, new double[] {0.1, 0.1}), depthWindow));
            }
            if (distinctSizes(lambda) >= 2) {
                collapses.add(new Collapse("lambda", collapse.fit(lambda, ScalingForm.generic(),
                        new double[] {target.get(), 1.0, -1.0}, new double[] {0.005, 0.1, 0.1}), lambdaWindow));
            }
        }
        return collapses;
    }

    /**
     * λ_N against σ_w and size within |σ_w − σ_w,c| ≤ τ_max: N λ_N = F(τ N) at finite width (PHYSICS.md §5), so
     * c1 = 1, c2 = −1 for an MLP; farther out the curvature of λ_∞(σ_w) breaks the form.
     */
    private static List<ScalingPoint> lambdaData(TreeMap<Integer, List<FitInputs.PointLambda>> bySize,
                                                 double sigmaWc, double tauMax) {
        List<ScalingPoint> data = new ArrayList<>();
        bySize.forEach((size, points) -> {
            for (FitInputs.PointLambda p : points) {
                if (Math.abs(p.sigmaW() - sigmaWc) > tauMax) {
                    continue;
                }
                Measurement m = p.lambda().mean(Bootstrap.identity(new int[] {p.lambda().replicas()})[0]).get(0);
                if (Double.isFinite(m.stderr()) && m.stderr() > 0) {
                    data.add(new ScalingPoint(size, p.sigmaW(), m.value(), m.stderr()));
                }
            }
        });
        return data;
    }

    /** A CNN's depth scan measures z: X = ln l − z ln L. */
    private static FitResult asZ(Collapse depthScan) {
        FitResult b = depthScan.result().asFits(depthScan.window()).get(1);
        return new FitResult("z", b.estimate(), b.stderr(), b.ciLow(), b.ciHigh(), b.method(), b.window(),
                b.quality(), b.nUsed());
    }

    private static long distinctSizes(List<ScalingPoint> data) {
        return data.stream().mapToDouble(ScalingPoint::size).distinct().count();
    }

    private static List<String> ids(List<FitInputs.PointLambda> points) {
        return points.stream().map(FitInputs.PointLambda::pointId).toList();
    }

    private Bootstrap bootstrap(ScalingFamily family, String purpose) {
        return analysis.bootstrap() == 0 ? null : new Bootstrap(analysis.bootstrap(), seed(family, purpose));
    }

    /** A stream seed per (campaign, family, purpose): the analysis is reproducible bit for bit. */
    private long seed(ScalingFamily family, String purpose) {
        return campaignSeed * 0x9E3779B97F4A7C15L + (family + "/" + purpose).hashCode();
    }
}
