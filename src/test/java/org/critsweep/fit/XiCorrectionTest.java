package org.critsweep.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Planted replicas λ_N = λ_MF + c/N + transient + Gaussian noise of known size per replica against
 * {@link XiCorrection}: the fitted c and the pooled slope of ξ_MF/ξ_N − 1 against ξ_MF/N recover the planted −2c
 * within their errors, and a prediction that differs from the planted law is rejected.
 */
class XiCorrectionTest {

    private static final double[] LAMBDA_MF = {-0.06, -0.045, -0.03};
    private static final int[] WIDTHS = {128, 256, 512};
    private static final double COEFFICIENT = -0.9;
    private static final double TRANSIENT = 2e-4;
    private static final int REPLICAS = 64;
    /** Per replica: the stderr of a point is 0.01/8 = 1.25e-3, so c comes with about ±0.2. */
    private static final double NOISE = 0.01;

    /** One point per (λ_MF, N); σ_w = 1 + λ_MF stands in for the grid. */
    private static List<XiCorrection.Point> planted(double plantedC, double predictedC, Random random) {
        List<XiCorrection.Point> points = new ArrayList<>();
        for (double lambdaMf : LAMBDA_MF) {
            for (int n : WIDTHS) {
                double[] replicas = new double[REPLICAS];
                for (int r = 0; r < REPLICAS; r++) {
                    replicas[r] = lambdaMf + plantedC / n + TRANSIENT + NOISE * random.nextGaussian();
                }
                points.add(new XiCorrection.Point(n, new LambdaPoint("p" + lambdaMf + "/" + n, 1.0 + lambdaMf, 512,
                        ReplicaMatrix.scalar(replicas)), new XiCorrection.Theory(lambdaMf, predictedC, TRANSIENT)));
            }
        }
        return points;
    }

    private static Map<String, FitResult> pooled(XiCorrection.Result result) {
        return result.pooled().stream().collect(Collectors.toMap(FitResult::quantity, f -> f));
    }

    /**
     * 400 planted sets: the pulls (c_meas − c)/stderr have mean 0 within 4 standard errors of a mean (4/√1200) and an
     * RMS near 1 (the χ²/dof inflation, never a deflation, can only lower it); the same for the pooled slope.
     */
    @Test
    void theFittedCoefficientAndSlopeRecoverThePlantedLawWithHonestErrors() {
        Random random = new Random(17);
        List<Double> coefficientPulls = new ArrayList<>();
        List<Double> slopePulls = new ArrayList<>();
        int sets = 400;
        int rejectedAtFivePercent = 0;
        for (int s = 0; s < sets; s++) {
            XiCorrection.Result result = XiCorrection.analyse(planted(COEFFICIENT, COEFFICIENT, random));
            assertEquals(LAMBDA_MF.length, result.coefficients().size());
            for (XiCorrection.Coefficient c : result.coefficients()) {
                coefficientPulls.add((c.measured().estimate() - COEFFICIENT) / c.measured().stderr());
                assertEquals(c.predicted().quality(), coefficientPulls.get(coefficientPulls.size() - 1), 1e-12);
            }
            Map<String, FitResult> rows = pooled(result);
            FitResult slope = rows.get(XiCorrection.SLOPE);
            assertEquals(-2 * COEFFICIENT, rows.get(XiCorrection.SLOPE_THEORY).estimate(), 1e-12);
            slopePulls.add((slope.estimate() + 2 * COEFFICIENT) / slope.stderr());
            if (rows.get(XiCorrection.P_VALUE).estimate() < 0.05) {
                rejectedAtFivePercent++;
            }
        }
        assertPulls(coefficientPulls, 0.8, 1.1);
        assertPulls(slopePulls, 0.85, 1.1);
        // binomial(400, 0.05): mean 20, sd 4.4
        assertTrue(rejectedAtFivePercent >= 7 && rejectedAtFivePercent <= 33, "rejections " + rejectedAtFivePercent);
    }

    private static void assertPulls(List<Double> pulls, double rmsLow, double rmsHigh) {
        double mean = pulls.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        double rms = Math.sqrt(pulls.stream().mapToDouble(p -> p * p).average().orElseThrow());
        assertTrue(Math.abs(mean) < 4.0 / Math.sqrt(pulls.size()), "mean pull " + mean);
        assertTrue(rms > rmsLow && rms < rmsHigh, "rms pull " + rms);
    }

    /**
     * Power: planted c = −0.9 against a prediction of −0.45, a difference of about two standard errors per σ_w and
     * far more pooled (expected pull ≈ 5.6, χ² ≈ 40 on 9 dof); the pooled slope's pull and the χ² reject the prediction.
     */
    @Test
    void aPredictionThatMissesThePlantedLawIsRejected() {
        XiCorrection.Result result = XiCorrection.analyse(planted(COEFFICIENT, COEFFICIENT / 2, new Random(3)));
        Map<String, FitResult> rows = pooled(result);
        assertTrue(rows.get(XiCorrection.SLOPE_THEORY).quality() > 3, rows.toString());
        assertTrue(rows.get(XiCorrection.P_VALUE).estimate() < 1e-3, rows.toString());
    }

    /** Without noise the curve is the closed form ξ_MF/ξ_N − 1 = c/(N λ_MF) at x = −1/(2 λ_MF N). */
    @Test
    void theCurveIsTheRelativeCorrectionOfTheDepth() {
        double lambdaMf = -0.04;
        int n = 256;
        double[] replicas = new double[REPLICAS];
        for (int r = 0; r < REPLICAS; r++) {
            replicas[r] = lambdaMf + COEFFICIENT / n + TRANSIENT + 1e-9 * (r % 2 == 0 ? 1 : -1);
        }
        XiCorrection.Result result = XiCorrection.analyse(List.of(new XiCorrection.Point(n, new LambdaPoint("p",
                1.3, 512, ReplicaMatrix.scalar(replicas)), new XiCorrection.Theory(lambdaMf, COEFFICIENT, TRANSIENT))));
        Measurement m = result.curve().get("N=256").get(0);
        assertEquals(1.0 / (2 * 0.04 * 256), m.x(), 1e-12);
        assertEquals(COEFFICIENT / (n * lambdaMf), m.value(), 1e-6);
        assertEquals(-2 * COEFFICIENT * m.x(), result.curve().get(XiCorrection.PREDICTED).get(0).value(), 1e-12);
        assertTrue(result.coefficients().isEmpty() && result.pooled().isEmpty(), "one point fits nothing");
    }

    /**
     * The cuts: ξ_MF/N above {@link XiCorrection#MAX_DEPTH_OVER_WIDTH} (λ_MF = −0.01 at N = 128: 0.39), the chaotic
     * phase (λ_MF > 0) and a λ_N within 3 standard errors of 0 leave a point out; no data gives no rows.
     */
    @Test
    void pointsOutsideTheDomainAreLeftOut() {
        Random random = new Random(5);
        List<XiCorrection.Point> points = new ArrayList<>(planted(COEFFICIENT, COEFFICIENT, random));
        int kept = points.size();
        points.add(point(128, -0.01, -0.01 - 0.9 / 128, random));
        points.add(point(512, 0.01, 0.01, random));
        points.add(point(512, -0.005, 0.002, random));
        XiCorrection.Result result = XiCorrection.analyse(points);
        assertEquals(kept, pooled(result).get(XiCorrection.SLOPE).nUsed());
        assertEquals(kept, result.curve().entrySet().stream().filter(e -> !e.getKey().equals(XiCorrection.PREDICTED))
                .mapToInt(e -> e.getValue().size()).sum());
        XiCorrection.Result empty = XiCorrection.analyse(List.of());
        assertTrue(empty.coefficients().isEmpty() && empty.pooled().isEmpty() && empty.curve().isEmpty());
    }

    private static XiCorrection.Point point(int n, double lambdaMf, double mean, Random random) {
        double[] replicas = new double[REPLICAS];
        for (int r = 0; r < REPLICAS; r++) {
            replicas[r] = mean + NOISE * random.nextGaussian();
        }
        return new XiCorrection.Point(n, new LambdaPoint("q" + lambdaMf, 1.0 + lambdaMf, 512,
                ReplicaMatrix.scalar(replicas)), new XiCorrection.Theory(lambdaMf, COEFFICIENT, 0.0));
    }
}
