package org.critsweep.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** ρ = 1 − c from the propagated difference (PHYSICS.md §2): exact zeros, full relative precision, no NaN. */
class OrderParameterTest {

    private static final Activation TANH = ActivationKind.TANH.activation();
    private static final long SEED = 0x0d0d_0a1eL;

    private static final double ORDERED_SIGMA_W = 0.8;
    private static final double ORDERED_SIGMA_B = 0.3;
    private static final int ORDERED_WIDTH = 64;
    private static final int ORDERED_DEPTH = 1500;
    private static final int LINEARISED_FROM = 1250;
    /** 64² weights × 1500 layers ≈ 0.03 s per replica. */
    private static final int ORDERED_REPLICAS = 8;

    @Test
    void identicalInputsAreAbsorbedAtEveryLayer() {
        NetworkSpec spec = new NetworkSpec(TANH, 1.5, 0.3, 37, 29, 1.0, 1.0);

        for (LayerObservables layer : Replicas.run(spec, SEED, 1L, 3)[2]) {
            assertEquals(0.0, layer.rho(), "rho at layer " + layer.layer());
            assertEquals(Double.NEGATIVE_INFINITY, layer.lnRho(), "ln rho at layer " + layer.layer());
            assertTrue(layer.absorbed() && !layer.rhoUnderflow(), "absorbed at layer " + layer.layer());
            assertTrue(Double.isFinite(layer.qA()) && layer.qA() > 0.0, "q_a at layer " + layer.layer());
            assertEquals(layer.qA(), layer.qB(), "h^b = h^a exactly, so q_b = q_a at layer " + layer.layer());
        }
    }

    /** 1 − c0 is exact in double for these c0, and the inputs are built with exactly that correlation. */
    @ParameterizedTest
    @ValueSource(doubles = {0.8, 1 - 1e-7, 1 - 0x1p-37, 1 - 0x1p-52})
    void inputOrderParameterIsOneMinusC0EvenBelowTheRoundingOfC(double c0) {
        NetworkSpec spec = new NetworkSpec(TANH, 1.5, 0.3, 41, 1, 1.0, c0);

        LayerObservables input = Replicas.run(spec, SEED, 2L, 1)[0][0];

        // A few roundings in length-41 dot products: 1e-13 relative is ~500 ulps of headroom.
        assertEquals(1.0 - c0, input.rho(), 1e-13 * (1.0 - c0));
        assertEquals(Math.log(1.0 - c0), input.lnRho(), 1e-13);
    }

    @Test
    void oppositeInputsStartAtRhoTwoAndOrthogonalInputsAtRhoOne() {
        LayerObservables[] opposite = Replicas.run(new NetworkSpec(TANH, 1.5, 0.3, 43, 31, 1.0, -1.0), SEED, 3L, 1)[0];
        LayerObservables[] orthogonal = Replicas.run(new NetworkSpec(TANH, 1.5, 0.3, 43, 31, 1.0, 0.0), SEED, 3L, 1)[0];

        assertEquals(2.0, opposite[0].rho(), 1e-15);
        assertEquals(1.0, orthogonal[0].rho(), 1e-15);
        assertNoNaN(opposite);
        assertNoNaN(orthogonal);
    }

    /** With σ_b = 0 and odd φ, h^b = −h^a is invariant: c = −1 is absorbing too (PHYSICS.md §2). */
    @Test
    void oppositeInputsStayOppositeInAnOddNetworkWithoutBias() {
        for (LayerObservables layer : Replicas.run(new NetworkSpec(TANH, 1.0, 0.0, 47, 53, 1.0, -1.0), SEED, 4L, 1)[0]) {
            // Only roundings of tanh(−2a)(1 + tanh²a) vs −2 tanh(a) perturb it; χ₁ ≤ 1 here, so they do not grow.
            assertEquals(2.0, layer.rho(), 1e-12, "layer " + layer.layer());
        }
    }

    /**
     * Against a textbook forward pass of h^a and h^b on the same stream: naive 1 − c has absolute error ~1e-16, so
     * where ρ > 1e-6 the two agree to ~1e-10 relative; 1e-9 leaves room for the different rounding of the two passes.
     */
    @ParameterizedTest
    @ValueSource(doubles = {0.8, 2.5})
    void differenceFormOfRhoMatchesNaiveOneMinusCWhereThatIsAccurate(double sigmaW) {
        NetworkSpec spec = new NetworkSpec(TANH, sigmaW, 0.3, 64, 40, 1.0, 0.3);

        double[] naive = NaiveTwoReplicaNetwork.naiveRho(spec, ReplicaStreams.of(SEED, 5L, 0));
        LayerObservables[] layers = Replicas.run(spec, SEED, 5L, 1)[0];

        int compared = 0;
        for (int l = 0; l <= spec.depth(); l++) {
            if (naive[l] > 1e-6) {
                assertEquals(naive[l], layers[l].rho(), 1e-9 * naive[l], "layer " + l);
                compared++;
            }
        }
        assertTrue(compared >= 12, "only " + compared + " layers had rho > 1e-6");
    }

    /**
     * Tanh at (σ_w, σ_b) = (0.8, 0.3) is deep in the ordered phase: ln ρ falls by ≈ 0.7 per layer to ≈ −1080 at layer
     * 1500, through the scaled difference (ρ < 1e-308 from layer ≈ 1000) and the linearised one (|d| < 2^−600, i.e.
     * ln ρ ≲ −832, from layer ≈ 1150). Each window's slope of ln ρ must be ln χ₁(q*).
     */
    @Test
    void orderedPhaseDecaysAtTheMeanFieldRateFarBelowTheDoubleRange() {
        double qStar = MeanFieldQuadrature.fixedPointQ(Math::tanh, ORDERED_SIGMA_W, ORDERED_SIGMA_B);
        double lnChi1 = Math.log(MeanFieldQuadrature.chi1(MeanFieldQuadrature::tanhPrime, ORDERED_SIGMA_W, qStar));
        LayerObservables[][] replicas = orderedReplicas();

        for (LayerObservables[] layers : replicas) {
            assertNoNaN(layers);
            for (LayerObservables o : layers) {
                assertTrue(Double.isFinite(o.lnRho()) && !o.absorbed(), "layer " + o.layer() + ": " + o);
            }
            // ρ ≈ |d|²/(2Nq) with Nq ≈ 10, so ln ρ < −850 means max|d| ≤ |d| < 2^−600: the linearised regime.
            assertTrue(layers[LINEARISED_FROM].lnRho() < -850.0,
                    "layer " + LINEARISED_FROM + " must be in the linearised regime: " + layers[LINEARISED_FROM]);
            assertEquals(0.0, layers[ORDERED_DEPTH].rho(), "rho below the double range underflows to 0");
            assertTrue(layers[ORDERED_DEPTH].rhoUnderflow(), "an underflowed rho is flagged as such");
        }
        int[][] windows = {{200, 900}, {900, LINEARISED_FROM}, {LINEARISED_FROM, ORDERED_DEPTH}};
        for (int[] window : windows) {
            double[] slopes = new double[replicas.length];
            for (int r = 0; r < replicas.length; r++) {
                slopes[r] = (replicas[r][window[1]].lnRho() - replicas[r][window[0]].lnRho()) / (window[1] - window[0]);
            }
            Estimate slope = Moments.mean(slopes);
            // Finite width shifts the slope by O(1/N): ½E ln(χ²_N/N) per tangent step gives −1/N and the spread of
            // Σφ′²u² about ≈ −1/N more (Jensen), partly undone by the alignment of d with large φ′; 3/N bounds it.
            // The 3.5 SE (t with 7 degrees of freedom: P ≈ 1e-2) is small beside it (SE ≈ 2e-3 vs 3/N ≈ 0.047).
            double tolerance = 3.0 / ORDERED_WIDTH + 3.5 * slope.standardError();
            assertEquals(lnChi1, slope.value(), tolerance, "slope of ln rho over layers " + window[0] + ".." + window[1]);
        }
    }

    /**
     * Once d is small it obeys the same linear map as the tangent, so over many layers ln ρ changes by twice the
     * tangent's log-growth, up to O(1) terms at the window's ends (ln q, and the directions of d and u): we allow 5
     * against a total change of ≈ 940.
     */
    @Test
    void orderedPhaseDecayOfRhoIsTwiceTheTangentLogGrowth() {
        for (LayerObservables[] layers : orderedReplicas()) {
            double rhoChange = layers[ORDERED_DEPTH].lnRho() - layers[200].lnRho();
            double tangentChange = layers[ORDERED_DEPTH].tangentLogNorm() - layers[200].tangentLogNorm();
            assertEquals(2.0 * tangentChange, rhoChange, 5.0);
        }
    }

    private static LayerObservables[][] orderedReplicas() {
        return Replicas.run(new NetworkSpec(TANH, ORDERED_SIGMA_W, ORDERED_SIGMA_B, ORDERED_WIDTH, ORDERED_DEPTH, 1.0, 0.8),
                SEED, 6L, ORDERED_REPLICAS);
    }

    private static void assertNoNaN(LayerObservables[] layers) {
        for (LayerObservables o : layers) {
            assertFalse(Double.isNaN(o.qA()) || Double.isNaN(o.qB()) || Double.isNaN(o.rho()) || Double.isNaN(o.lnRho())
                    || Double.isNaN(o.gA()) || Double.isNaN(o.tangentLogNorm()), "NaN at layer " + o.layer() + ": " + o);
            assertTrue(o.layer() == 0 || Double.isFinite(o.tangentLogGrowth()), "growth at layer " + o.layer());
        }
    }
}
