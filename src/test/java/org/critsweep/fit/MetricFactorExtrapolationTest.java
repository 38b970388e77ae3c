package org.critsweep.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MetricFactorExtrapolationTest {

    private static final double KAPPA_INF = 0.2335;
    private static final double SLOPE = -6.0;

    /**
     * κ(N) = κ∞ + a/N with Gaussian noise of the stated error: over 400 planted sets the pull of κ∞ must be a
     * standard normal (mean within 0.15, standard deviation within 0.85…1.15: 400 draws put the sample mean's
     * error at 0.05 and the standard deviation's at 0.035, so these bounds are 3σ and 4σ).
     */
    @Test
    void recoversThePlantedLimitWithHonestErrors() {
        Random random = new Random(17);
        double sum = 0;
        double sumSquares = 0;
        int sets = 400;
        for (int s = 0; s < sets; s++) {
            List<Measurement> kappas = new ArrayList<>();
            for (int n : new int[] {128, 256, 512}) {
                double error = 0.004 * Math.sqrt(n / 128.0);
                kappas.add(new Measurement(n, KAPPA_INF + SLOPE / n + error * random.nextGaussian(), error));
            }
            List<FitResult> fits = MetricFactorExtrapolation.fit(kappas).orElseThrow();
            FitResult limit = fits.get(0);
            assertEquals(MetricFactorExtrapolation.INFINITE, limit.quantity());
            assertEquals("kappa_slope", fits.get(1).quantity());
            double pull = (limit.estimate() - KAPPA_INF) / limit.stderr();
            sum += pull;
            sumSquares += pull * pull;
        }
        double mean = sum / sets;
        double sd = Math.sqrt(sumSquares / sets - mean * mean);
        assertEquals(0.0, mean, 0.15);
        assertTrue(sd > 0.85 && sd < 1.15, "pull standard deviation " + sd);
    }

    @Test
    void noLimitFromOneWidth() {
        assertTrue(MetricFactorExtrapolation.fit(List.of(new Measurement(128, 0.2, 0.01))).isEmpty());
    }
}
