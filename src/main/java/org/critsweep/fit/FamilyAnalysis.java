package org.critsweep.fit;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;

/**
 * The scaling analysis of one family (PHYSICS.md §6–7): the critical point per size and its extrapolation, the
 * critical decay per size, the ρ-based cross-check, β and ν_∥ at the largest size, the collapses across sizes, and
 * the universality verdict. It reads its data through {@link FamilyData}, so it runs wherever that comes from.
 */
public final class FamilyAnalysis {

    private static final String RHO_ROOT = "sigma_w_c_rho";
    private static final String RHO_ROOT_METHOD = "flat_effective_exponent";

    /**
     * What one size gave; the decay is measured at {@code decayAt}. {@code deltaSystematic} is half the difference of
     * δ fitted at the two grid points that bracket the root (0 without both): how far the choice of critical point
     * within the grid moves δ.
     */
    public record SizeResult(int size, Optional<FitResult> root, Optional<FitResult> rhoRoot,
                             Optional<CriticalDecayAnalysis.Result> decay, Optional<Double> decayAt,
                             double deltaSystematic) {
    }

    /** One collapse: which data, its result, and the window it pooled (for the table). */
    public record Collapse(CollapseData data, CollapseResult result, String window) {
    }

    /**
     * Everything found for a family; {@code evidence} holds the exponents the verdict judged, so that a caller with
     * more (a spreading analysis) can judge them together.
     */
    public record Report(List<SizeResult> sizes, Optional<CriticalPointExtrapolation.Extrapolation> extrapolation,
                         Optional<SizeResult> offCriticalSize, Optional<OffCriticalAnalysis.Result> offCritical,
                         List<Collapse> collapses, List<ExponentEvidence> evidence,
                         UniversalityVerdict.Verdict verdict) {

        /** κ of each size whose critical decay gave one, at x = the size, for {@link MetricFactorExtrapolation}. */
        public List<Measurement> kappas() {
            return sizes.stream().flatMap(s -> s.decay().flatMap(CriticalDecayAnalysis.Result::kappa)
                    .filter(k -> Double.isFinite(k.estimate())).stream()
                    .map(k -> new Measurement(s.size(), k.estimate(), k.stderr()))).toList();
        }
    }

    private final AnalysisSpec analysis;
    private final long campaignSeed;

    /** @param campaignSeed seeds every bootstrap and Markov chain, with the family's label and the purpose */
    public FamilyAnalysis(AnalysisSpec analysis, long campaignSeed) {
        this.analysis = analysis;
        this.campaignSeed = campaignSeed;
    }

    public Report analyse(FamilyData data) {
        AnalysedFamily family = data.family();
        SortedMap<Integer, List<LambdaPoint>> bySize = data.lambdaBySize();
        List<CriticalPointAnalysis.SizeScan> scans = new ArrayList<>();
        bySize.forEach((size, points) -> scans.add(new CriticalPointAnalysis.SizeScan(size,
                points.stream().mapToDouble(LambdaPoint::sigmaW).toArray(),
                points.stream().map(LambdaPoint::lambda).toArray(ReplicaMatrix[]::new))));
        CriticalPointAnalysis.Result critical = CriticalPointAnalysis.analyse(scans,
                bootstrap(family, "critical_point"), scans.size() < 2 ? null : sizeExtrapolation(family));
        List<SizeResult> sizes = new ArrayList<>();
        LayerWindow kappaWindow = kappaWindow(data, bySize);
        int index = 0;
        for (Map.Entry<Integer, List<LambdaPoint>> entry : bySize.entrySet()) {
            sizes.add(analyseSize(data, entry.getKey(), entry.getValue(), critical.roots().get(index++),
                    kappaWindow));
        }
        Optional<SizeResult> largest = sizes.stream().filter(s -> s.root().isPresent())
                .reduce((a, b) -> b);
        Optional<OffCriticalAnalysis.Result> offCritical = largest
                .flatMap(s -> offCritical(data, s, bySize.get(s.size())));
        List<Collapse> collapses = analysis.wants(Estimate.FSS) && bySize.size() >= 2
                ? collapses(data, critical) : List.of();
        List<ExponentEvidence> evidence = new ArrayList<>();
        largest.ifPresent(s -> offCritical.ifPresent(off -> evidence.addAll(off.evidence(
                "off-critical scan at " + family.sizeSymbol() + "=" + s.size()))));
        largest.ifPresent(s -> deltaEvidence(family, s).ifPresent(evidence::add));
        if (!family.widthScaled()) {
            collapses.stream().filter(c -> c.data() == CollapseData.DEPTH_SCAN).findFirst()
                    .ifPresent(c -> evidence.add(ExponentEvidence.of(asZ(c), Optional.empty(),
                            "depth-scan collapse (" + c.result().method() + "), " + c.window())));
        }
        return new Report(sizes, critical.extrapolation(), largest, offCritical, collapses, evidence,
                UniversalityVerdict.judge(evidence, family.dimension()));
    }

    /** δ of one size with its bootstrap distribution and the systematic from where in the bracket it is measured. */
    private static Optional<ExponentEvidence> deltaEvidence(AnalysedFamily family, SizeResult size) {
        return size.decay().flatMap(d -> d.delta().map(fit -> new ExponentEvidence(fit.quantity(), fit.estimate(),
                fit.stderr(), d.deltaBootstrap(), size.deltaSystematic(), String.format(Locale.ROOT,
                        "critical decay at %s=%d, sigma_w = %.6f", family.sizeSymbol(), size.size(),
                        size.decayAt().orElseThrow()))));
    }

    /**
     * The window of κ, common to every size: the decay window of the smallest. For an MLP the decay window ends at
     * N/2, and κ fitted on [10, N/2] would carry the l/N crossover at a fixed l/N, a bias that no extrapolation in
     * 1/N removes; on a common window the finite-width change of κ is O(1/N), and κ∞ is the mean-field curve's κ on
     * that window (conf/mlp-tanh-fss.conf: κ∞ = 0.217 ± 0.008 on [10, 62] against the mean-field curve's 0.220 there;
     * on each size's own window κ(N) sat 2.5–5σ under the mean-field curve's).
     */
    private LayerWindow kappaWindow(FamilyData data, SortedMap<Integer, List<LambdaPoint>> bySize) {
        int smallest = bySize.firstKey();
        return FitWindows.decay(analysis, data.family(), smallest, bySize.get(smallest).get(0).depth());
    }

    /**
     * The critical decay is measured at the size's own root σ_w,c(N): there the slight chaos of τ ≈ 3/N offsets the
     * finite-width decay, and the curve follows 1/(κ(l + l0)) furthest. (At σ_w,c(∞) the same window already bends
     * down: on the tanh σ_b = 0.3 campaign of conf/mlp-tanh-fss.conf δ reads 1.22 ± 0.04 at N = 1024 there, against
     * 1.01 ± 0.04 at σ_w,c(N).)
     */
    private SizeResult analyseSize(FamilyData data, int size, List<LambdaPoint> points, Optional<FitResult> root,
                                   LayerWindow kappaWindow) {
        if (root.isEmpty()) {
            return new SizeResult(size, root, Optional.empty(), Optional.empty(), Optional.empty(), 0.0);
        }
        int depth = points.get(0).depth();
        LayerWindow window = FitWindows.decay(analysis, data.family(), size, depth);
        Optional<Double> decayAt = root.map(FitResult::estimate);
        Optional<ScanBracket> bracket = decayAt.flatMap(target -> ScanBracket.around(points, target));
        Optional<CriticalDecayAnalysis.Result> decay = Optional.empty();
        double systematic = 0.0;
        if (analysis.wants(Estimate.DELTA) && bracket.isPresent() && window.to() > window.from()) {
            ScanBracket around = bracket.get();
            Map<String, ReplicaMatrix> rho = data.replicaRho(around.pointIds(), window);
            ReplicaMatrix below = rho.get(around.below().pointId());
            ReplicaMatrix above = rho.get(around.above().pointId());
            if (below != null && above != null) {
                decay = Optional.of(CriticalDecayAnalysis.analyse(new CriticalDecayAnalysis.Bracket(below, above,
                        around.weight()), window.from(), window.to(), kappaWindow,
                        bootstrap(data.family(), "decay/" + size)));
                systematic = bracketSystematic(below, above, window);
            }
        }
        double offset = decay.map(CriticalDecayAnalysis.Result::offset).filter(Double::isFinite).orElse(0.0);
        return new SizeResult(size, root, rhoRoot(data, points, window, offset), decay, decayAt, systematic);
    }

    /**
     * Half the difference of δ fitted (full data, no bootstrap) at the grid points below and above σ_w,c: the
     * critical point could lie anywhere between them for all the scan resolves. 0 when either fit fails.
     */
    private static double bracketSystematic(ReplicaMatrix below, ReplicaMatrix above, LayerWindow window) {
        Optional<FitResult> atBelow = CriticalDecayAnalysis.analyse(new CriticalDecayAnalysis.Bracket(below, above,
                0.0), window.from(), window.to(), window, null).delta();
        Optional<FitResult> atAbove = CriticalDecayAnalysis.analyse(new CriticalDecayAnalysis.Bracket(below, above,
                1.0), window.from(), window.to(), window, null).delta();
        return atBelow.isPresent() && atAbove.isPresent()
                ? Math.abs(atAbove.get().estimate() - atBelow.get().estimate()) / 2.0 : 0.0;
    }

    /** The ρ-based cross-check: σ_w where the drift of δ_eff changes sign from growing to falling. */
    private static Optional<FitResult> rhoRoot(FamilyData data, List<LambdaPoint> points, LayerWindow window,
                                               double offset) {
        Map<String, List<Measurement>> curves = data.curves(ids(points), AggregatedCurve.RHO, window);
        List<Measurement> negativeDrift = new ArrayList<>();
        for (LambdaPoint p : points) {
            List<Measurement> curve = curves.getOrDefault(p.pointId(), List.of());
            EffectiveExponent.drift(EffectiveExponent.curve(curve, offset, window.from(), window.to()), offset)
                    .ifPresent(d -> negativeDrift.add(new Measurement(p.sigmaW(), -d.value(), d.stderr())));
        }
        return LyapunovRoot.find(negativeDrift, RHO_ROOT, RHO_ROOT_METHOD);
    }

    private Optional<OffCriticalAnalysis.Result> offCritical(FamilyData data, SizeResult size,
                                                             List<LambdaPoint> points) {
        boolean beta = analysis.wants(Estimate.BETA);
        boolean nu = analysis.wants(Estimate.NU_PAR);
        if (!beta && !nu) {
            return Optional.empty();
        }
        int depth = points.get(0).depth();
        LayerWindow xiWindow = FitWindows.decay(analysis, data.family(), size.size(), depth);
        LayerWindow plateau = FitWindows.plateau(depth);
        Map<String, ReplicaMatrix> rho = data.replicaRho(ids(points),
                new LayerWindow(Math.min(xiWindow.from(), plateau.from()), depth));
        List<OffCriticalAnalysis.ScanPoint> scan = points.stream().filter(p -> rho.containsKey(p.pointId()))
                .map(p -> new OffCriticalAnalysis.ScanPoint(p.sigmaW(), rho.get(p.pointId()))).toList();
        TauWindow tau = analysis.tauWindow();
        return Optional.of(OffCriticalAnalysis.analyse(scan, size.root().orElseThrow(),
                new OffCriticalAnalysis.Settings(plateau, xiWindow, tau.minScaledTau() / size.size(), tau.maxTau(),
                        beta, nu), bootstrap(data.family(), "off_critical")));
    }

    private List<Collapse> collapses(FamilyData data, CriticalPointAnalysis.Result critical) {
        Optional<Double> target = critical.extrapolation().map(e -> e.infinite().estimate())
                .or(() -> critical.roots().stream().flatMap(Optional::stream).map(FitResult::estimate)
                        .reduce((a, b) -> b));
        if (target.isEmpty()) {
            return List.of();
        }
        AnalysedFamily family = data.family();
        SortedMap<Integer, List<LambdaPoint>> bySize = data.lambdaBySize();
        List<ScalingPoint> depthScan = DepthScanData.at(data, target.get(), analysis.collapseWindow());
        double tauMax = analysis.tauWindow().maxTau();
        List<ScalingPoint> lambda = lambdaData(bySize, target.get(), tauMax);
        String depthWindow = String.format(Locale.ROOT, "sigma_w = %.6f, %s in %s, %s", target.get(),
                family.sizeSymbol(), bySize.keySet(), FitWindows.describeCollapse(family, analysis.collapseWindow()));
        String lambdaWindow = String.format(Locale.ROOT, "|sigma_w - %.6f| <= %s, %s in %s", target.get(),
                tauMax, family.sizeSymbol(), bySize.keySet());
        List<Collapse> collapses = new ArrayList<>();
        for (CollapseMethod method : analysis.collapse()) {
            DataCollapse collapse = switch (method) {
                case HH -> new HoudayerHartmannCollapse();
                case BAYES -> new BayesianCollapse(seed(family, "collapse/" + method.label()), analysis.mcmcSteps());
            };
            if (distinctSizes(depthScan) >= 2) {
                collapses.add(new Collapse(CollapseData.DEPTH_SCAN, depthScanCollapse(collapse, depthScan,
                        family.widthScaled()), depthWindow));
            }
            if (distinctSizes(lambda) >= 2) {
                collapses.add(new Collapse(CollapseData.LAMBDA, collapse.fit(lambda, ScalingForm.generic(),
                        new double[] {target.get(), 1.0, -1.0}, new double[] {0.005, 0.1, 0.1}), lambdaWindow));
            }
        }
        return collapses;
    }

    /**
     * The depth-scan collapse: for an MLP with the decay's offset l0 fitted (start 10 layers), for a CNN, whose z is
     * measured from every layer, without.
     */
    static CollapseResult depthScanCollapse(DataCollapse collapse, List<ScalingPoint> data, boolean widthScaled) {
        return widthScaled
                ? collapse.fit(data, ScalingForm.depthScanWithOffset(), new double[] {0.5, 1.0, 10.0},
                        new double[] {0.1, 0.1, 5.0})
                : collapse.fit(data, ScalingForm.depthScan(), new double[] {0.5, 1.0}, new double[] {0.1, 0.1});
    }

    /**
     * λ_N against σ_w and size within |σ_w − σ_w,c| ≤ τ_max: N λ_N = F(τ N) at finite width (PHYSICS.md §5), so
     * c1 = 1, c2 = −1 for an MLP; farther out the curvature of λ_∞(σ_w) breaks the form.
     */
    private static List<ScalingPoint> lambdaData(SortedMap<Integer, List<LambdaPoint>> bySize, double sigmaWc,
                                                 double tauMax) {
        List<ScalingPoint> data = new ArrayList<>();
        bySize.forEach((size, points) -> {
            for (LambdaPoint p : points) {
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

    /** In 1/N for an MLP; in L^−ω for a CNN, ω from the classes of its lattice's dimension. */
    private static SizeExtrapolation sizeExtrapolation(AnalysedFamily family) {
        return family.widthScaled() ? CriticalPointExtrapolation.INVERSE_WIDTH
                : LatticeExtrapolation.forDimension(family.dimension());
    }

    /**
     * A CNN's depth scan measures z: X = ln l − z ln L. A collapse of a few small lattices can slide to b ≈ 0 with an
     * error as large as any class's z; the verdict leaves such a z out as unconstrained ({@link FitConstraint}).
     */
    private static FitResult asZ(Collapse depthScan) {
        FitResult b = depthScan.result().asFits(depthScan.window()).get(1);
        return new FitResult("z", b.estimate(), b.stderr(), b.ciLow(), b.ciHigh(), b.method(), b.window(),
                b.quality(), b.nUsed());
    }

    private static long distinctSizes(List<ScalingPoint> data) {
        return data.stream().mapToDouble(ScalingPoint::size).distinct().count();
    }

    private static List<String> ids(List<LambdaPoint> points) {
        return points.stream().map(LambdaPoint::pointId).toList();
    }

    private Bootstrap bootstrap(AnalysedFamily family, String purpose) {
        return analysis.bootstrap() == 0 ? null : new Bootstrap(analysis.bootstrap(), seed(family, purpose));
    }

    /** A stream seed per (campaign, family, purpose): the analysis is reproducible bit for bit. */
    private long seed(AnalysedFamily family, String purpose) {
        return seed(campaignSeed, family, purpose);
    }

    /** The stream seed of (campaign seed, family, purpose), which the spreading analysis shares. */
    static long seed(long campaignSeed, AnalysedFamily family, String purpose) {
        return campaignSeed * 0x9E3779B97F4A7C15L + (family.label() + "/" + purpose).hashCode();
    }
}
