package org.critsweep.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The spreading analysis on planted replica ensembles ({@link SyntheticSpreading}) without Spark: δ, θ, z and σ_c are
 * recovered within 3 bootstrap standard errors, the drift of δ_eff has the sign of σ_c − σ_w, the hyperscaling
 * residual is 0 for DP exponents and not for inconsistent ones, and thresholds agree exactly when the planted θ does.
 */
class SpreadingAnalysisTest {

    private static final AnalysisSpec SPEC = new AnalysisSpec(100, List.of(CollapseMethod.HH), Optional.empty(),
            TauWindow.DEFAULT, Optional.empty(), EnumSet.allOf(Estimate.class), 10);
    private static final double SIGMA_C = 1.0;
    private static final int SIZE = 4096;
    private static final double[] SCAN = SyntheticSpreading.scan(SIGMA_C, 0.02, 5, 0.3);

    private static SyntheticSpreading.Planted dp(double... theta) {
        return new SyntheticSpreading.Planted(SyntheticSpreading.DP_DELTA, theta, SyntheticSpreading.DP_Z, SIGMA_C,
                0.05, 0.3);
    }

    private static SpreadingAnalysis.Report analyse(SyntheticSpreading.Planted planted, double[] scan, long seed) {
        return new SpreadingAnalysis(SPEC, seed).analyse(new SyntheticSpreading(planted, scan, 1000, 200, SIZE,
                SIGMA_C + 0.004, seed));
    }

    /** The combined rows (scope L=SIZE) by quantity. */
    private static Map<String, FitResult> combined(SpreadingAnalysis.Report report) {
        Map<String, FitResult> rows = new HashMap<>();
        report.sizes().get(0).combined().forEach(r -> rows.put(r.quantity(), r));
        return rows;
    }

    private static void within3(double planted, FitResult row) {
        assertTrue(row.method().endsWith("+bootstrap"), row.method());
        assertTrue(row.stderr() > 0, row.toString());
        assertEquals(planted, row.estimate(), 3 * row.stderr(), row.quantity() + ": " + row.valueWithError()
                + " planted " + planted + " (" + row.window() + ")");
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4})
    void plantedDirectedPercolationExponentsAndCriticalPointAreRecovered(long seed) {
        double t = SyntheticSpreading.DP_THETA;
        Map<String, FitResult> rows = combined(analyse(dp(t, t, t), SCAN, seed));
        within3(SIGMA_C, rows.get("sigma_w_c_spreading"));
        assertTrue(rows.get("sigma_w_c_spreading").stderr() < 0.01, rows.get("sigma_w_c_spreading").toString());
        within3(SyntheticSpreading.DP_DELTA, rows.get("spreading_delta"));
        within3(SyntheticSpreading.DP_THETA, rows.get("spreading_theta"));
        within3(SyntheticSpreading.DP_Z, rows.get("spreading_z"));
        assertTrue(rows.get("spreading_z").stderr() < 0.1, rows.get("spreading_z").toString());
        within3(0.0, rows.get(SpreadingAnalysis.HYPERSCALING));
    }

    @Test
    void driftOfTheEffectiveExponentHasTheSignOfTheDistanceToTheCriticalPoint() {
        double t = SyntheticSpreading.DP_THETA;
        double[] wide = SyntheticSpreading.scan(SIGMA_C, 0.04, 5, 0.3);
        SpreadingAnalysis.ThresholdReport threshold = analyse(dp(t, t, t), wide, 11).sizes().get(0).thresholds()
                .get(1);
        List<Measurement> drift = threshold.curves().stream()
                .filter(c -> c.name().equals("spreading_delta_eff_drift")).findFirst().orElseThrow().points();
        assertEquals(5, drift.size());
        for (Measurement m : drift) {
            if (Math.abs(m.x() - SIGMA_C) > 0.03) {
                assertEquals(Math.signum(SIGMA_C - m.x()), Math.signum(m.value()), m.toString());
                assertTrue(Math.abs(m.value()) > 3 * m.stderr(), "resolved: " + m);
            }
        }
    }

    /** A scan wholly in the ordered phase has no sign change: the exponents are measured at the λ_N root, stated. */
    @Test
    void withoutASignChangeTheExponentsAreMeasuredAtTheLyapunovRoot() {
        double t = SyntheticSpreading.DP_THETA;
        double[] ordered = SyntheticSpreading.scan(SIGMA_C - 0.1, 0.02, 5, 0.0);
        SpreadingAnalysis.Report report = new SpreadingAnalysis(SPEC, 5).analyse(new SyntheticSpreading(dp(t, t, t),
                ordered, 400, 200, SIZE, SIGMA_C - 0.1, 5));
        Map<String, FitResult> rows = combined(report);
        assertFalse(rows.containsKey("sigma_w_c_spreading"), rows.keySet().toString());
        FitResult delta = rows.get("spreading_delta");
        assertTrue(delta.window().contains("the lambda_N root of the same runs"), delta.window());
        assertTrue(delta.window().matches(".*sigma_w = 0\\.(89|90)\\d* = the lambda_N root.*"), "planted 0.9: "
                + delta.window());
    }

    @ParameterizedTest
    @ValueSource(longs = {21, 22})
    void inconsistentExponentsViolateHyperscaling(long seed) {
        Map<String, FitResult> rows = combined(analyse(dp(0.6, 0.6, 0.6), SCAN, seed));
        FitResult residual = rows.get(SpreadingAnalysis.HYPERSCALING);
        double planted = 0.6 - (1 / SyntheticSpreading.DP_Z - 2 * SyntheticSpreading.DP_DELTA);
        assertTrue(Math.abs(residual.estimate()) > 3 * residual.stderr(), residual.valueWithError());
        within3(planted, residual);
    }

    @Test
    void thresholdsAgreeWhenThePlantedExponentDoesNotDependOnThem() {
        double t = SyntheticSpreading.DP_THETA;
        SpreadingAnalysis.Report report = analyse(dp(t, t, t), SCAN, 31);
        Map<String, FitResult> rows = combined(report);
        for (String q : List.of("spreading_theta", "spreading_z")) {
            FitResult tension = rows.get(q + SpreadingAnalysis.TENSION_SUFFIX);
            assertTrue(tension.window().startsWith("thresholds agree within errors"), tension.window());
            assertEquals(3, tension.nUsed());
        }
        assertEquals(List.of("delta_survival", "theta", "z_spreading"), report.evidence().stream().map(ExponentEvidence::quantity)
                .toList());
        assertTrue(report.evidence().stream().allMatch(e -> e.bootstrap().isPresent()));
    }

    @Test
    void thresholdsDisagreeWhenThePlantedExponentMovesWithThem() {
        SpreadingAnalysis.Report report = analyse(dp(0.2, 0.31, 0.45), SCAN, 32);
        Map<String, FitResult> rows = combined(report);
        FitResult tension = rows.get("spreading_theta" + SpreadingAnalysis.TENSION_SUFFIX);
        assertTrue(tension.window().startsWith("thresholds disagree"), tension.window());
        assertTrue(tension.estimate() > 3, tension.toString());
        within3(0.31, rows.get("spreading_theta"));
        ExponentEvidence theta = report.evidence().get(1);
        assertEquals("theta", theta.quantity());
        assertEquals(0.125, theta.systematic(), 0.04, "half the planted range across thresholds");
    }
}
