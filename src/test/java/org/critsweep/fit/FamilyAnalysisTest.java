package org.critsweep.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * A family's whole analysis without Spark, on planted data read through {@link FamilyData}: per replica
 * λ_N(σ_w) = g (σ_w − σ_w,c(N)) + noise with σ_w,c(N) = σ∞ + a/N ({@link SyntheticScaling#lambdaScans}), and at
 * every point the critical decay ρ_l = 1/(κ(l + l0)) with replica noise ({@link SyntheticScaling#criticalDecay}).
 */
class FamilyAnalysisTest {

    private static final int REPLICAS = 32;
    private static final AnalysisSpec SPEC = new AnalysisSpec(100, List.of(CollapseMethod.HH), Optional.empty(),
            TauWindow.DEFAULT, Optional.empty(), Set.of(Estimate.DELTA, Estimate.FSS), 3000);

    private static final FamilyAnalysis.Report REPORT = new FamilyAnalysis(SPEC, 41).analyse(new Planted(7));

    @Test
    void rootsPerWidthAndTheirExtrapolationRecoverThePlantedCriticalPoints() {
        int[] widths = SyntheticScaling.lambdaWidths();
        assertEquals(Arrays.stream(widths).boxed().toList(),
                REPORT.sizes().stream().map(FamilyAnalysis.SizeResult::size).toList());
        for (int i = 0; i < widths.length; i++) {
            FitResult root = REPORT.sizes().get(i).root().orElseThrow();
            double truth = SyntheticScaling.SIGMA_INF + SyntheticScaling.CRITICAL_SLOPE / widths[i];
            assertEquals(truth, root.estimate(), 3 * root.stderr(), "N=" + widths[i] + ", stderr " + root.stderr());
            assertTrue(root.method().endsWith("+bootstrap"), root.method());
        }
        CriticalPointExtrapolation.Extrapolation extrapolation = REPORT.extrapolation().orElseThrow();
        FitResult infinite = extrapolation.infinite();
        assertEquals(SyntheticScaling.SIGMA_INF, infinite.estimate(), 3 * infinite.stderr(),
                "stderr " + infinite.stderr());
        assertTrue(infinite.stderr() < 0.01, "stderr " + infinite.stderr());
        FitResult slope = extrapolation.fits().get(1);
        assertEquals(SyntheticScaling.CRITICAL_SLOPE, slope.estimate(), 3 * slope.stderr());
    }

    /** δ is measured at the largest width's own root, between the two points that bracket it. */
    @Test
    void criticalDecayAtTheLargestWidthGivesDeltaOne() {
        FamilyAnalysis.SizeResult largest = REPORT.sizes().get(REPORT.sizes().size() - 1);
        assertEquals(largest.root().map(FitResult::estimate), largest.decayAt());
        FitResult delta = largest.decay().orElseThrow().delta().orElseThrow();
        assertEquals(1.0, delta.estimate(), 3 * delta.stderr(), "stderr " + delta.stderr());
        assertTrue(delta.stderr() < 0.2, "stderr " + delta.stderr());
        assertTrue(delta.window().startsWith("layer in [10, 256]"), "N/2 = 256: " + delta.window());
        assertTrue(REPORT.sizes().get(0).decay().orElseThrow().delta().isEmpty(),
                "[10, N/2 = 32] is too short for the offset fit");
    }

    /** N λ_N = g (τ N − a) with τ = σ_w − σ∞: the λ collapse reads t_c = σ∞, c1 = 1, c2 = −1. */
    @Test
    void lambdaCollapseRecoversTheFiniteWidthScaling() {
        FamilyAnalysis.Collapse lambda = REPORT.collapses().stream().filter(c -> c.data() == CollapseData.LAMBDA)
                .findFirst().orElseThrow();
        CollapseResult result = lambda.result();
        assertEquals(List.of("t_c", "c1", "c2"), result.names());
        double[] truth = {SyntheticScaling.SIGMA_INF, 1.0, -1.0};
        for (int i = 0; i < truth.length; i++) {
            assertEquals(truth[i], result.estimate()[i], 3 * result.stderr()[i],
                    result.names().get(i) + " stderr " + result.stderr()[i]);
        }
        assertTrue(result.stderr()[0] < 0.01, "t_c stderr " + result.stderr()[0]);
        assertTrue(lambda.window().endsWith("<= 0.05, N in [64, 128, 256, 512]"), lambda.window());
    }

    /** The planted family: λ_N scans as {@link SyntheticScaling#lambdaScans}, a planted decay at each point. */
    private static final class Planted implements FamilyData {

        private final SortedMap<Integer, List<LambdaPoint>> lambdaBySize = new TreeMap<>();
        private final Map<String, ReplicaMatrix> rho = new HashMap<>();

        Planted(long seed) {
            long pointSeed = seed;
            for (CriticalPointAnalysis.SizeScan scan : SyntheticScaling.lambdaScans(seed, REPLICAS)) {
                List<LambdaPoint> points = new ArrayList<>();
                for (int p = 0; p < scan.sigmaW().length; p++) {
                    String id = "N" + scan.size() + "-" + p;
                    points.add(new LambdaPoint(id, scan.sigmaW()[p], SyntheticScaling.DECAY_LAYERS,
                            scan.lambda()[p]));
                    rho.put(id, SyntheticScaling.criticalDecay(++pointSeed, REPLICAS));
                }
                lambdaBySize.put((int) scan.size(), points);
            }
        }

        @Override
        public AnalysedFamily family() {
            return new AnalysedFamily("planted tanh", SizeVariable.WIDTH, 0);
        }

        @Override
        public SortedMap<Integer, List<LambdaPoint>> lambdaBySize() {
            return lambdaBySize;
        }

        @Override
        public Map<String, ReplicaMatrix> replicaRho(List<String> pointIds, LayerWindow layers) {
            Map<String, ReplicaMatrix> window = new HashMap<>();
            pointIds.forEach(id -> slice(rho.get(id), layers, v -> v).ifPresent(m -> window.put(id, m)));
            return window;
        }

        @Override
        public Map<String, List<Measurement>> curves(List<String> pointIds, AggregatedCurve curve, LayerWindow layers) {
            DoubleUnaryOperator value = curve == AggregatedCurve.RHO ? v -> v : Math::log;
            Map<String, List<Measurement>> curves = new HashMap<>();
            for (String id : pointIds) {
                slice(rho.get(id), layers, value).ifPresent(replicas -> curves.put(id,
                        replicas.mean(Bootstrap.identity(new int[] {replicas.replicas()})[0])));
            }
            return curves;
        }

        /**
         * The recorded layers (1 … DECAY_LAYERS) within {@code layers}, each value mapped by {@code value}; empty when
         * there are none, as for a point without data.
         */
        private static Optional<ReplicaMatrix> slice(ReplicaMatrix all, LayerWindow layers, DoubleUnaryOperator value) {
            int from = Math.max(layers.from(), 1) - 1;
            int to = Math.min(layers.to(), SyntheticScaling.DECAY_LAYERS);
            if (to <= from) {
                return Optional.empty();
            }
            double[] x = Arrays.copyOfRange(all.x(), from, to);
            double[][] values = Arrays.stream(all.values())
                    .map(r -> Arrays.stream(Arrays.copyOfRange(r, from, to)).map(value).toArray())
                    .toArray(double[][]::new);
            return Optional.of(new ReplicaMatrix(x, values));
        }
    }
}
