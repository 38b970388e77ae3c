package org.critsweep.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Regression (a ReLU width-7 net threw "tangent norm left the double range" when one layer switched every neuron off):
 * a narrow ReLU net with a strong bias has all neurons off in some layer with probability ≈ 2^-N per layer; from there
 * the forward tangent is exactly zero, its growth −∞, and the run goes on.
 */
class DeadTangentTest {

    @Test
    void aLayerWithEveryReluOffKillsTheTangentExactlyAndTheRunContinues() {
        NetworkSpec spec = new NetworkSpec(ActivationKind.RELU.activation(), 1.0, 1.0, 3, 200, 1.0, 0.8);
        List<LayerObservables> layers = new ArrayList<>();
        MlpPropagator.dense(spec).run(ReplicaStreams.of(3, 5, 0), layers::add);
        assertEquals(201, layers.size());
        int firstDead = -1;
        for (LayerObservables o : layers) {
            if (o.tangentLogNorm() == Double.NEGATIVE_INFINITY && firstDead < 0) {
                firstDead = o.layer();
            }
            if (firstDead >= 0) {
                assertEquals(Double.NEGATIVE_INFINITY, o.tangentLogNorm(), "dead stays dead at layer " + o.layer());
            }
            assertTrue(Double.isFinite(o.qA()));
        }
        assertTrue(firstDead > 0, "with N = 3 a fully-off layer occurs within 200 layers (p ≈ 1/8 per layer)");
    }
}
