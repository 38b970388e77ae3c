package org.critsweep.kernel;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;

/** A wide network follows the infinite-width q-map for depth ≪ width (PHYSICS.md §4, §5). */
class MeanFieldAgreementTest {

    private static final double SIGMA_W = 1.5;
    private static final double SIGMA_B = 0.3;
    private static final int WIDTH = 2048;
    private static final int DEPTH = 10;
    /** Far from q* ≈ 0.96, so the iterates move by several SE per layer at first and a stuck q cannot pass. */
    private static final double Q0 = 3.0;
    /** 2048² weights × 10 layers ≈ 0.25 s per replica. */
    private static final int REPLICAS = 16;
    /**
     * The SE comes from 16 replica values, so z is Student-t with 15 degrees of freedom: P(|t| > 4.5) ≈ 4e-4 per
     * layer. The finite-width bias of E[q^l] is O(1/N) ≈ 5e-4 relative, far below the SE (≈ 1e-2 relative).
     */
    private static final double Z_MAX = 4.5;

    /** E[q^l] follows q_{l+1} = σ_w² E[tanh(√q_l z)²] + σ_b², and E[G^l] (the next layer's variance) is q_{l+1}. */
    @Test
    void meanSquaredLengthOfTanhNetworkFollowsTheQMap() {
        LayerObservables[][] replicas = Replicas.run(
                new NetworkSpec(ActivationKind.TANH.activation(), SIGMA_W, SIGMA_B, WIDTH, DEPTH, Q0, 0.8), 0x2048L, 17L,
                REPLICAS);

        double q = Q0;
        for (int l = 1; l <= DEPTH; l++) {
            q = MeanFieldQuadrature.nextQ(Math::tanh, SIGMA_W, SIGMA_B, q);
            Estimate meanQ = acrossReplicas(replicas, l, LayerObservables::qA);
            Estimate meanG = acrossReplicas(replicas, l - 1, LayerObservables::gA);
            assertTrue(Math.abs(meanQ.z(q)) < Z_MAX, "layer " + l + ": mean q = " + meanQ + ", q-map " + q);
            assertTrue(Math.abs(meanG.z(q)) < Z_MAX, "layer " + (l - 1) + ": mean G = " + meanG + ", q-map " + q);
        }
    }

    private static Estimate acrossReplicas(LayerObservables[][] replicas, int layer,
                                           ToDoubleFunction<LayerObservables> quantity) {
        double[] sample = new double[replicas.length];
        for (int r = 0; r < replicas.length; r++) {
            sample[r] = quantity.applyAsDouble(replicas[r][layer]);
        }
        return Moments.mean(sample);
    }
}
