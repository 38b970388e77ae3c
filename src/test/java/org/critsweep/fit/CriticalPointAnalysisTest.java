package org.critsweep.fit;

import static org.critsweep.fit.CriticalPointExtrapolation.INVERSE_WIDTH;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * λ_N root and 1/N extrapolation on planted data ({@link SyntheticScaling#lambdaScans}): per replica
 * λ = g (σ_w − σ_w,c(N)) + noise with σ_w,c(N) = σ∞ + a/N, the finite-width law of PHYSICS.md §5.
 */
class CriticalPointAnalysisTest {

    private static final double SIGMA_INF = SyntheticScaling.SIGMA_INF;
    private static final double SLOPE = SyntheticScaling.CRITICAL_SLOPE;
    private static final int[] WIDTHS = SyntheticScaling.lambdaWidths();

    @Test
    void recoversPlantedRootsAndTheirExtrapolation() {
        CriticalPointAnalysis.Result result = CriticalPointAnalysis.analyse(SyntheticScaling.lambdaScans(1, 64),
                new Bootstrap(200, 99), INVERSE_WIDTH);
        for (int i = 0; i < WIDTHS.length; i++) {
            FitResult root = result.roots().get(i).orElseThrow();
            assertEquals(SIGMA_INF + SLOPE / WIDTHS[i], root.estimate(), 4 * root.stderr(), "N=" + WIDTHS[i]);
            assertTrue(root.method().endsWith("+bootstrap"));
            assertTrue(root.ciLow() < root.estimate() && root.estimate() < root.ciHigh());
        }
        CriticalPointExtrapolation.Extrapolation e = result.extrapolation().orElseThrow();
        assertEquals(1, e.order(), "no curvature was planted");
        assertEquals(SIGMA_INF, e.infinite().estimate(), 4 * e.infinite().stderr());
        assertEquals(SLOPE, e.fits().get(1).estimate(), 4 * e.fits().get(1).stderr());
        assertTrue(e.infinite().stderr() < 0.01, "stderr " + e.infinite().stderr());
    }

    @Test
    void bootstrapIsReproducibleForASeed() {
        List<CriticalPointAnalysis.SizeScan> scans = SyntheticScaling.lambdaScans(2, 16);
        FitResult a = CriticalPointAnalysis.analyse(scans, new Bootstrap(50, 5), INVERSE_WIDTH).extrapolation()
                .orElseThrow().infinite();
        FitResult b = CriticalPointAnalysis.analyse(scans, new Bootstrap(50, 5), INVERSE_WIDTH).extrapolation()
                .orElseThrow().infinite();
        assertArrayEquals(new double[] {a.estimate(), a.stderr(), a.ciLow(), a.ciHigh()},
                new double[] {b.estimate(), b.stderr(), b.ciLow(), b.ciHigh()});
    }

    /**
     * Coverage of the bootstrap 95 % interval of σ∞ over 20 independent planted data sets. At a true coverage of
     * 0.95, fewer than 16 hits has probability 0.3 % (binomial), so this fails only for intervals that are too short.
     */
    @Test
    void bootstrapIntervalOfTheInfiniteWidthPointCoversTheTruth() {
        int hits = 0;
        for (int set = 0; set < 20; set++) {
            FitResult inf = CriticalPointAnalysis.analyse(SyntheticScaling.lambdaScans(100 + set, 32),
                    new Bootstrap(200, set), INVERSE_WIDTH).extrapolation().orElseThrow().infinite();
            if (inf.ciLow() <= SIGMA_INF && SIGMA_INF <= inf.ciHigh()) {
                hits++;
            }
        }
        assertTrue(hits >= 16, "covered in " + hits + " of 20");
    }

    @Test
    void quadraticTermIsKeptOnlyWhenTheDataSupportIt() {
        List<Measurement> linear = new ArrayList<>();
        List<Measurement> curved = new ArrayList<>();
        for (int width : new int[] {16, 32, 64, 128, 256}) {
            linear.add(new Measurement(width, SIGMA_INF + SLOPE / width, 1e-4));
            curved.add(new Measurement(width, SIGMA_INF + SLOPE / width - 40.0 / ((double) width * width), 1e-4));
        }
        assertEquals(1, CriticalPointExtrapolation.fit(linear).orElseThrow().order());
        CriticalPointExtrapolation.Extrapolation quadratic = CriticalPointExtrapolation.fit(curved).orElseThrow();
        assertEquals(2, quadratic.order());
        assertEquals(SIGMA_INF, quadratic.infinite().estimate(), 1e-9);
        assertEquals(-40.0, quadratic.fits().get(2).estimate(), 1e-6);
    }
}
