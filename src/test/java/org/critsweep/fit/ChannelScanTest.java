package org.critsweep.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Planted σ_w,c(C) = σ_MF + a/C + b/C² with Gaussian noise of known size against the two fits of the scan. */
class ChannelScanTest {

    private static final double MEAN_FIELD = 1.39558;
    private static final double SLOPE = 0.7;
    private static final int[] CHANNELS = {2, 4, 8, 16, 32, 64};
    private static final double NOISE = 0.002;

    private static List<Measurement> planted(double limit, double b, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Measurement> data = new ArrayList<>();
        for (int c : CHANNELS) {
            double gauss = Math.sqrt(-2 * Math.log(1 - random.nextDouble()))
                    * Math.cos(2 * Math.PI * random.nextDouble());
            data.add(new Measurement(c, limit + SLOPE / c + b / ((double) c * c) + NOISE * gauss, NOISE));
        }
        return data;
    }

    private static Map<String, FitResult> rows(ChannelScan.Result result) {
        return result.fits().stream().collect(Collectors.toMap(FitResult::quantity, f -> f));
    }

    @Test
    void recoversThePlantedSlopeAndLimitWithinThreeStandardErrors() {
        int within = 0;
        int rejected = 0;
        int sets = 200;
        for (int set = 0; set < sets; set++) {
            Map<String, FitResult> fits = rows(ChannelScan.fit(planted(MEAN_FIELD, 0.0, set), MEAN_FIELD)
                    .orElseThrow());
            FitResult slopeFixed = fits.get("channel_slope_mf");
            FitResult limit = fits.get("channel_sigma_w_c_inf");
            FitResult slope = fits.get("channel_slope");
            if (Math.abs(slopeFixed.estimate() - SLOPE) <= 3 * slopeFixed.stderr()
                    && Math.abs(limit.estimate() - MEAN_FIELD) <= 3 * limit.stderr()
                    && Math.abs(slope.estimate() - SLOPE) <= 3 * slope.stderr()) {
                within++;
            }
            if (fits.get("channel_mf_p").estimate() < 0.01) {
                rejected++;
            }
        }
        // three parameters inside 3σ: ≥ 0.99 per set if the errors are right (the quadratic is sometimes kept by
        // chance, 4.6 % of sets, and then still covers the truth); 190 of 200 leaves room for that
        assertTrue(within >= 190, within + " of " + sets);
        // the true limit is rejected at p < 0.01 in 1 % of sets: binomial(200, 0.01) exceeds 8 with p ≈ 0.001
        assertTrue(rejected <= 8, rejected + " of " + sets + " true limits rejected at 1 %");
    }

    @Test
    void aWrongLimitIsRejectedAndTheFreeFitFindsTheOneInTheData() {
        double shifted = MEAN_FIELD + 0.03;
        ChannelScan.Result result = ChannelScan.fit(planted(shifted, 0.0, 5), MEAN_FIELD).orElseThrow();
        Map<String, FitResult> fits = rows(result);
        assertTrue(fits.get("channel_mf_p").estimate() < 1e-6, "p = " + fits.get("channel_mf_p").estimate());
        FitResult limit = fits.get("channel_sigma_w_c_inf");
        assertEquals(shifted, limit.estimate(), 3 * limit.stderr());
        assertTrue(fits.get("channel_inf_pull").estimate() > 5, "pull " + fits.get("channel_inf_pull").estimate());
        assertEquals("C in [2, 4, 8, 16, 32, 64]", result.scope());
    }

    @Test
    void aStrongCurvatureIsKeptAndRecovered() {
        double b = 1.5;
        Map<String, FitResult> fits = rows(ChannelScan.fit(planted(MEAN_FIELD, b, 9), MEAN_FIELD).orElseThrow());
        FitResult curvature = fits.get("channel_curvature_mf");
        assertEquals(b, curvature.estimate(), 3 * curvature.stderr());
        assertTrue(curvature.method().endsWith("_quadratic"));
        assertTrue(fits.get("channel_mf_p").estimate() > 1e-3);
    }

    @Test
    void theCurvesHoldTheDataAndBothLaws() {
        ChannelScan.Result result = ChannelScan.fit(planted(MEAN_FIELD, 0.0, 1), MEAN_FIELD).orElseThrow();
        assertEquals(List.of(ChannelScan.MEASURED, ChannelScan.FIXED_LAW, ChannelScan.FREE_LAW),
                List.copyOf(result.curve().keySet()));
        List<Measurement> fixed = result.curve().get(ChannelScan.FIXED_LAW);
        Measurement last = fixed.get(fixed.size() - 1);
        assertEquals(256.0, last.x(), 1e-9);
        double a = rows(result).get("channel_slope_mf").estimate();
        assertEquals(MEAN_FIELD + a / 256, last.value(), 1e-12);
    }

    @Test
    void twoChannelCountsAreNotAScan() {
        assertTrue(ChannelScan.fit(List.of(new Measurement(4, 1.57, 0.01), new Measurement(8, 1.49, 0.01),
                new Measurement(16, 1.44, Double.NaN)), MEAN_FIELD).isEmpty());
    }
}
