package org.critsweep.kernel;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

/**
 * The CNN and LCN hot loops allocate nothing per layer: bytes allocated by this thread (HotSpot's
 * {@code ThreadMXBean.getThreadAllocatedBytes}) over 400 layers, after a warm-up replica. C = 16, L = 64: one
 * state-sized array is 8 KB, so one per layer would be 3.2 MB; the bounds are far below that and far above noise.
 */
class ConvAllocationTest {

    private static final int LAYERS = 400;
    private static final double ONE_ARRAY = 16 * 64 * Double.BYTES;

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    static ConvSpec spec(boolean shared) {
        return new ConvSpec(ActivationKind.TANH.activation(), 1.5, 0.3, 1, 16, 64, 3, LAYERS, 1.0, 0.8, Protocol.PAIR,
                new double[] {1e-9, 1e-6, 1e-3}, shared);
    }

    /** The step alone (weight draws and the three convolutions): under 1/10 of one array over all 400 layers. */
    @Test
    void convolutionStepAllocatesNothing() {
        for (boolean shared : new boolean[] {true, false}) {
            ConvPropagator propagator = new ConvPropagator(spec(shared));
            NormalStream random = ReplicaStreams.of(3, 1, 0);
            propagator.drawInputs(random);
            propagator.state.startReplica();
            propagator.state.prepareColumns(ActivationKind.TANH.activation());
            for (int l = 0; l < LAYERS; l++) {
                propagator.step(random);
            }
            long before = allocated();
            for (int l = 0; l < LAYERS; l++) {
                propagator.step(random);
            }
            long bytes = allocated() - before;
            assertTrue(bytes < ONE_ARRAY / 10, (shared ? "cnn" : "lcn") + ": " + bytes + " bytes over " + LAYERS
                    + " steps");
        }
    }

    /**
     * A whole replica: what remains per layer is the observables handed to the sink (two records and two
     * three-element arrays, about 200 bytes); the bound, 1/8 of one array per layer, fails at one array per layer.
     */
    @Test
    void wholeLayersAllocateOnlyTheirObservables() {
        for (boolean shared : new boolean[] {true, false}) {
            ConvPropagator propagator = new ConvPropagator(spec(shared));
            double[] sink = {0};
            propagator.run(ReplicaStreams.of(3, 2, 0), o -> sink[0] += o.global().qA());
            long before = allocated();
            propagator.run(ReplicaStreams.of(3, 2, 1), o -> sink[0] += o.global().qA());
            double perLayer = (double) (allocated() - before) / LAYERS;
            assertTrue(perLayer < ONE_ARRAY / 8, (shared ? "cnn" : "lcn") + ": " + perLayer + " bytes per layer");
            assertTrue(Double.isFinite(sink[0]));
        }
    }

    private static long allocated() {
        return THREADS.getThreadAllocatedBytes(Thread.currentThread().getId());
    }
}
