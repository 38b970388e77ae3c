package org.critsweep.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.function.BiFunction;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The growth of Var ln G across widths on planted data with the structure of the solvable nets: per replica
 * ln G⁰ ~ N(0, v0) and ln G^l = ln G⁰ + Σ_{k ≤ l} ε_k, ε_k iid N(0, s(n)/n), so Var ln G = v0 + s(n) l/n exactly,
 * with s(n) = 5 + 24/n (s∞ = 5, s₁ = 24). Widths 16, 32, 64, 128, layers 0..4n, 4000 replicas, 100 bootstrap
 * resamples. Every assertion on a random quantity is |z| < 3.9 against its reported error (a false alarm ≈ 1e-4 each;
 * 14 of them). Power, from the errors these data give: each width's slope is known to better than 6 % (asserted; the quadratic term
 * costs the slope a factor ≈ 2 in error), so a slope 25 % off fails at > 4 SE; s∞ to better than 0.4, so
 * the 1/n-free mean of the slopes (≈ 5.9) is rejected at > 2 SE and a limit of 2 (the linear net's) far beyond.
 */
class LogVarianceAnalysisTest {

    private static final double V0 = 0.3;
    private static final double LIMIT = 5.0;
    private static final double INVERSE = 24.0;
    private static final int REPLICAS = 4000;
    private static final double Z_MAX = 3.9;
    private static final AnalysisSpec SPEC = new AnalysisSpec(100, List.of(), Optional.empty(), TauWindow.DEFAULT,
            Optional.empty(), Set.of(), 1);

    private static double slope(int width) {
        return LIMIT + INVERSE / width;
    }

    private static final BiFunction<Integer, Double, Optional<ExactGrowth>> EXACT =
            (width, sigmaW) -> Optional.of(new ExactGrowth(V0, slope(width), LIMIT));

    @Test
    void recoversThePlantedSlopesTheirLimitAndCollapsesOnTheExactLine() {
        LogVarianceAnalysis.Result result = new LogVarianceAnalysis(SPEC, 11L)
                .analyse(new Planted(new int[] {16, 32, 64, 128}, 1), Map.of(), EXACT);
        assertEquals(List.of(16, 32, 64, 128), result.widths().stream().map(LogVarianceAnalysis.Width::width).toList());
        for (LogVarianceAnalysis.Width w : result.widths()) {
            Map<String, FitResult> fits = byQuantity(w.fits());
            FitResult slope = fits.get(LogVarianceAnalysis.SLOPE);
            assertZ(slope, slope(w.width()), "N=" + w.width() + " slope");
            assertTrue(slope.stderr() < 0.06 * slope(w.width()), "power: " + slope.valueWithError());
            assertZ(fits.get(LogVarianceAnalysis.CURVATURE), 0.0, "N=" + w.width() + " curvature");
            FitResult exact = fits.get(LogVarianceAnalysis.SLOPE_EXACT);
            assertEquals(slope(w.width()), exact.estimate(), 0.0);
            assertEquals((slope.estimate() - slope(w.width())) / slope.stderr(), exact.quality(), 1e-12, "the pull");
            assertEquals(4 * w.width() + 1, w.curve().size());
            Measurement last = w.curve().get(w.curve().size() - 1);
            assertEquals(4.0, last.x(), 0.0);
            assertEquals(V0 + 4.0 * slope(w.width()), w.exactCurve().get(w.curve().size() - 1).value(), 1e-12);
            Measurement collapsed = result.collapse().curves().get("N=" + w.width()).get(w.curve().size() - 1);
            assertTrue(Math.abs(collapsed.value() - 4.0) < Z_MAX * collapsed.stderr(), "collapsed last layer of N="
                    + w.width() + ": " + collapsed + ", on y = x it is 4");
        }
        List<Measurement> line = result.collapse().curves().get(LogVarianceCollapse.EXACT_SERIES);
        assertEquals(4 * 16 + 1, line.size(), "the exact line spans the widest range in l/n");
        line.forEach(m -> assertEquals(m.x(), m.value(), 0.0));
        Map<String, FitResult> limit = byQuantity(result.collapse().extrapolation());
        FitResult infinite = limit.get(LogVarianceCollapse.INFINITE);
        assertZ(infinite, LIMIT, "s_inf");
        assertTrue(infinite.stderr() < 0.4, "power: " + infinite.valueWithError());
        assertZ(limit.get("ln_g_var_slope_inv_n"), INVERSE, "s_1");
        FitResult exactLimit = limit.get(LogVarianceCollapse.INFINITE_EXACT);
        assertEquals(LIMIT, exactLimit.estimate(), 0.0);
        assertEquals((infinite.estimate() - LIMIT) / infinite.stderr(), exactLimit.quality(), 1e-12);
        assertTrue(exactLimit.window().contains("gives 5.0000"), "the exact slopes are linear in 1/n here: "
                + exactLimit.window());
    }

    /** Without an exact law: no exact rows, and the widths collapse by their own fitted offset and slope. */
    @Test
    void withoutTheExactLawCollapsesByTheFittedSlope() {
        LogVarianceAnalysis.Result result = new LogVarianceAnalysis(SPEC, 12L)
                .analyse(new Planted(new int[] {16, 64}, 2), Map.of(), (w, s) -> Optional.empty());
        for (LogVarianceAnalysis.Width w : result.widths()) {
            assertTrue(w.fits().stream().noneMatch(f -> f.quantity().equals(LogVarianceAnalysis.SLOPE_EXACT)));
            assertTrue(w.exactCurve().isEmpty());
            LogVarianceGrowth g = w.growth();
            Measurement last = result.collapse().curves().get("N=" + w.width()).get(w.curve().size() - 1);
            double expected = (w.curve().get(w.curve().size() - 1).value() - g.offset()) / g.slope();
            assertEquals(expected, last.value(), 1e-12);
        }
        assertTrue(!result.collapse().curves().containsKey(LogVarianceCollapse.EXACT_SERIES));
        assertTrue(result.collapse().extrapolation().stream()
                .noneMatch(f -> f.quantity().equals(LogVarianceCollapse.INFINITE_EXACT)));
    }

    /** One width: its rows and its collapsed curve, no extrapolation (which needs two widths). */
    @Test
    void oneWidthHasNoExtrapolation() {
        LogVarianceAnalysis.Result result = new LogVarianceAnalysis(SPEC, 13L)
                .analyse(new Planted(new int[] {32}, 3), Map.of(), EXACT);
        assertEquals(1, result.widths().size());
        assertTrue(result.collapse().extrapolation().isEmpty());
        assertEquals(List.of("N=32", LogVarianceCollapse.EXACT_SERIES),
                List.copyOf(result.collapse().curves().keySet()));
    }

    /** The point nearest the root; a width's only point without one; none from a scan without a root. */
    @Test
    void choosesThePointNearestTheRootOrTheOnlyPoint() {
        ReplicaMatrix none = ReplicaMatrix.scalar(new double[] {0.0});
        List<LambdaPoint> scan = List.of(new LambdaPoint("a", 1.30, 8, none), new LambdaPoint("b", 1.40, 8, none),
                new LambdaPoint("c", 1.50, 8, none));
        assertEquals("b", LogVarianceAnalysis.chosen(scan, Optional.of(1.43)).orElseThrow().pointId());
        assertEquals("c", LogVarianceAnalysis.chosen(scan, Optional.of(1.47)).orElseThrow().pointId());
        assertTrue(LogVarianceAnalysis.chosen(scan, Optional.empty()).isEmpty());
        assertEquals("a", LogVarianceAnalysis.chosen(scan.subList(0, 1), Optional.empty()).orElseThrow().pointId());
    }

    private static Map<String, FitResult> byQuantity(List<FitResult> fits) {
        return fits.stream().collect(Collectors.toMap(FitResult::quantity, f -> f));
    }

    private static void assertZ(FitResult fit, double expected, String what) {
        assertTrue(Math.abs(fit.estimate() - expected) < Z_MAX * fit.stderr(), what + ": " + fit.valueWithError()
                + ", planted " + expected);
    }

    /** One point per width (σ_w = 1), its ln G planted as the class comment says; no λ_N or ρ is read. */
    private static final class Planted implements FamilyData {

        private final SortedMap<Integer, List<LambdaPoint>> bySize = new TreeMap<>();
        private final Map<String, ReplicaMatrix> lnG = new HashMap<>();

        Planted(int[] widths, long seed) {
            SplittableRandom random = new SplittableRandom(0x17_0006L + seed);
            for (int width : widths) {
                int depth = 4 * width;
                String id = "N" + width;
                bySize.put(width, List.of(new LambdaPoint(id, 1.0, depth, ReplicaMatrix.scalar(new double[] {0.0}))));
                double[] layers = new double[depth + 1];
                for (int l = 0; l <= depth; l++) {
                    layers[l] = l;
                }
                double step = Math.sqrt(slope(width) / width);
                double[][] values = new double[REPLICAS][depth + 1];
                for (double[] replica : values) {
                    replica[0] = Math.sqrt(V0) * random.nextGaussian();
                    for (int l = 1; l <= depth; l++) {
                        replica[l] = replica[l - 1] + step * random.nextGaussian();
                    }
                }
                lnG.put(id, new ReplicaMatrix(layers, values));
            }
        }

        @Override
        public AnalysedFamily family() {
            return new AnalysedFamily("planted relu", SizeVariable.WIDTH, 0);
        }

        @Override
        public SortedMap<Integer, List<LambdaPoint>> lambdaBySize() {
            return bySize;
        }

        @Override
        public Map<String, ReplicaMatrix> replicaRho(List<String> pointIds, LayerWindow layers) {
            return Map.of();
        }

        @Override
        public Map<String, List<Measurement>> curves(List<String> pointIds, AggregatedCurve curve, LayerWindow layers) {
            return Map.of();
        }

        /** The whole planted matrix: the analysis asks for layers 0..depth, which is all there is. */
        @Override
        public Map<String, ReplicaMatrix> replicaLnG(List<String> pointIds, LayerWindow layers) {
            Map<String, ReplicaMatrix> read = new HashMap<>();
            pointIds.forEach(id -> read.put(id, lnG.get(id)));
            return read;
        }
    }
}
