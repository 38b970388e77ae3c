package org.critsweep.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** A replica is a pure function of its key, whichever propagator instance runs it (ReplicaStreams' contract). */
class DeterminismTest {

    private static final long SEED = 0xde7e_2L;

    @Test
    void sameKeyGivesBitIdenticalObservables() {
        NetworkSpec spec = new NetworkSpec(ActivationKind.TANH.activation(), 1.7, 0.3, 53, 41, 1.3, 0.6);

        LayerObservables[] first = Replicas.runOne(MlpPropagator.dense(spec), ReplicaStreams.of(SEED, 43L, 5));
        LayerObservables[] second = Replicas.runOne(MlpPropagator.dense(spec), ReplicaStreams.of(SEED, 43L, 5));

        assertBitIdentical(first, second);
    }

    /**
     * Replica 0 is run deep into the ordered phase first, so the instance's difference is left tiny, scaled and
     * linearised; none of that may leak into replica 1.
     */
    @Test
    void reusedPropagatorGivesTheSameReplicaAsAFreshOne() {
        NetworkSpec spec = new NetworkSpec(ActivationKind.TANH.activation(), 0.8, 0.3, 32, 1300, 1.0, 0.8);
        MlpPropagator reused = MlpPropagator.dense(spec);

        LayerObservables[] replica0 = Replicas.runOne(reused, ReplicaStreams.of(SEED, 47L, 0));
        LayerObservables[] replica1 = Replicas.runOne(reused, ReplicaStreams.of(SEED, 47L, 1));
        LayerObservables[] fresh1 = Replicas.runOne(MlpPropagator.dense(spec), ReplicaStreams.of(SEED, 47L, 1));

        // ρ ≈ |d|²/(2Nq) with Nq ≈ 5: ln ρ < −850 puts |d| below 2^−600, where the difference is linearised.
        assertTrue(replica0[spec.depth()].lnRho() < -850.0, "replica 0 must end linearised: " + replica0[spec.depth()]);
        assertBitIdentical(fresh1, replica1);
    }

    private static void assertBitIdentical(LayerObservables[] expected, LayerObservables[] actual) {
        assertEquals(expected.length, actual.length);
        for (int l = 0; l < expected.length; l++) {
            assertArrayEquals(rawBits(expected[l]), rawBits(actual[l]), "layer " + l);
        }
    }

    private static long[] rawBits(LayerObservables o) {
        return new long[] {
            o.layer(),
            Double.doubleToRawLongBits(o.qA()),
            Double.doubleToRawLongBits(o.qB()),
            Double.doubleToRawLongBits(o.rho()),
            Double.doubleToRawLongBits(o.lnRho()),
            Double.doubleToRawLongBits(o.gA()),
            Double.doubleToRawLongBits(o.tangentLogGrowth()),
            Double.doubleToRawLongBits(o.tangentLogNorm()),
            Double.doubleToRawLongBits(o.probe()),
        };
    }
}
