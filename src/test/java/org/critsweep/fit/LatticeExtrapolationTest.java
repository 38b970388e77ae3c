package org.critsweep.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Planted σ_w,c(L) = σ_∞ + a·L^−ω with Gaussian noise of known size: the fit must recover what was planted. */
class LatticeExtrapolationTest {

    private static final double SIGMA_INF = 1.43;
    private static final double SLOPE = 0.9;
    private static final double NOISE = 2e-4;

    private static List<Measurement> planted(int[] sizes, double omega, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Measurement> roots = new ArrayList<>();
        for (int size : sizes) {
            double gauss = Math.sqrt(-2 * Math.log(1 - random.nextDouble()))
                    * Math.cos(2 * Math.PI * random.nextDouble());
            roots.add(new Measurement(size, SIGMA_INF + SLOPE * Math.pow(size, -omega) + NOISE * gauss, NOISE));
        }
        return roots;
    }

    @Test
    void fourSizesFitOmegaAndRecoverThePlantedLawWithinThreeStandardErrors() {
        double omega = 1.0 / UniversalityClass.DP_1_1.nuPerp();
        int within = 0;
        int sets = 40;
        for (int set = 0; set < sets; set++) {
            CriticalPointExtrapolation.Extrapolation e = LatticeExtrapolation.forDimension(1)
                    .fit(planted(new int[] {8, 16, 32, 64, 128}, omega, set)).orElseThrow();
            assertEquals(List.of("sigma_w_c_inf", "sigma_w_c_slope", "sigma_w_c_omega"),
                    e.fits().stream().map(FitResult::quantity).toList());
            double[] truth = {SIGMA_INF, SLOPE, omega};
            boolean all = true;
            for (int k = 0; k < 3; k++) {
                FitResult f = e.fits().get(k);
                all &= Math.abs(f.estimate() - truth[k]) <= 3 * f.stderr();
            }
            within += all ? 1 : 0;
        }
        // each of three parameters inside 3σ with probability 0.997 if the errors are right: ≥ 36 of 40 sets
        assertTrue(within >= 36, within + " of " + sets + " sets recovered all three parameters within 3σ");
    }

    @Test
    void threeSizesFixOmegaAtEachCandidateAndReportTheSpreadAsSystematic() {
        double omegaDp = 1.0 / UniversalityClass.DP_1_1.nuPerp();
        List<Measurement> roots = planted(new int[] {16, 32, 64}, omegaDp, 7);
        CriticalPointExtrapolation.Extrapolation e = LatticeExtrapolation.forDimension(1).fit(roots).orElseThrow();
        FitResult infinite = e.infinite();
        FitResult systematic = e.fits().get(1);
        assertEquals(LatticeExtrapolation.SYSTEMATIC, systematic.quantity());
        assertEquals(2, e.laws().size(), "one law per candidate class of a 1D lattice: DP 1+1 and mean field");
        // the law with the planted ω extrapolates to σ_∞; the other (ω = 2) lands above it
        Map.Entry<String, List<Measurement>> dp = e.laws().entrySet().stream()
                .filter(l -> l.getKey().contains("DP 1+1")).findFirst().orElseThrow();
        double dpInfinite = dp.getValue().get(0).value();
        assertEquals(0.0, dp.getValue().get(0).x());
        assertEquals(SIGMA_INF, dpInfinite, 3 * infinite.stderr());
        double meanFieldInfinite = e.laws().entrySet().stream().filter(l -> l.getKey().contains("mean field"))
                .findFirst().orElseThrow().getValue().get(0).value();
        assertTrue(meanFieldInfinite > dpInfinite, "a faster correction leaves less to extrapolate");
        assertEquals((dpInfinite + meanFieldInfinite) / 2, infinite.estimate(), 1e-12);
        assertEquals((meanFieldInfinite - dpInfinite) / 2, systematic.estimate(), 1e-12);
        // the planted law at the smallest size is the first root, up to the noise
        List<Measurement> law = dp.getValue();
        assertEquals(1.0 / 16, law.get(law.size() - 1).x(), 1e-15);
        assertEquals(SIGMA_INF + SLOPE * Math.pow(16, -omegaDp), law.get(law.size() - 1).value(), 4 * NOISE);
    }

    @Test
    void aTwoDimensionalLatticeComparesWithDp21AndMeanField() {
        CriticalPointExtrapolation.Extrapolation e = LatticeExtrapolation.forDimension(2)
                .fit(planted(new int[] {8, 16}, 1.0 / UniversalityClass.DP_2_1.nuPerp(), 3)).orElseThrow();
        assertTrue(e.fits().get(0).window().contains("DP 2+1") && !e.fits().get(0).window().contains("DP 1+1"),
                e.fits().get(0).window());
    }

    @Test
    void oneSizeOrNoErrorsGiveNoExtrapolation() {
        LatticeExtrapolation lattice = LatticeExtrapolation.forDimension(1);
        assertTrue(lattice.fit(List.of(new Measurement(16, 1.5, 0.01))).isEmpty());
        assertTrue(lattice.fit(List.of(new Measurement(16, 1.5, Double.NaN), new Measurement(32, 1.45, 0.01)))
                .isEmpty());
        assertThrows(IllegalArgumentException.class, () -> LatticeExtrapolation.forDimension(3));
    }

    @Test
    void theRefitKeepsTheChosenForm() {
        LatticeExtrapolation lattice = LatticeExtrapolation.forDimension(1);
        List<Measurement> five = planted(new int[] {8, 16, 32, 64, 128}, 1.0, 11);
        CriticalPointExtrapolation.Extrapolation free = lattice.fit(five).orElseThrow();
        assertEquals(3, lattice.refit(five, free).length);
        assertEquals(free.infinite().estimate(), lattice.refit(five, free)[0], 1e-12);
    }
}
