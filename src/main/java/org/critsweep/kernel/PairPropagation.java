package org.critsweep.kernel;

import java.util.Optional;
import java.util.function.Consumer;

/**
 * The layer loop both propagators share: inputs, then for each layer its observables, the range check of its lengths,
 * and the step to the next.
 *
 * @param <O> what a layer reports
 */
abstract class PairPropagation<O> {

    final PairState state;
    /** Filled by {@link #observe} every layer; checked before the layer is handed out. */
    final LayerLengths lengths = new LayerLengths();
    private final int depth;

    PairPropagation(int components, int depth) {
        this.state = new PairState(components);
        this.depth = depth;
    }

    /**
     * Runs one replica pair through layers 0..depth, handing each layer's observables to {@code sink}, and stops at
     * the first layer whose lengths leave the range ({@link LayerLengths}): that layer is not handed out.
     *
     * @return the fault that stopped the replica, or empty when it reached the last layer
     */
    final Optional<NumericalFault> propagate(NormalStream random, Activation phi, Consumer<O> sink) {
        drawInputs(random);
        state.startReplica();
        double logNorm = 0.0;
        double growth = Double.NaN;
        for (int layer = 0; ; layer++) {
            state.prepareColumns(phi);
            O observables = observe(layer, growth, logNorm);
            NumericalFault fault = lengths.check(layer, growth);
            if (fault != null) {
                return Optional.of(fault);
            }
            sink.accept(observables);
            if (layer == depth) {
                return Optional.empty();
            }
            step(random);
            growth = state.advance();
            logNorm += growth;
        }
    }

    /** Writes the inputs (true scale) to a, d and u, drawing from {@code random} in the documented order. */
    abstract void drawInputs(NormalStream random);

    /** The layer's observables; also fills {@link #lengths}. */
    abstract O observe(int layer, double growth, double logNorm);

    /** Draws one layer's weights and writes nextA, nextD, nextU from the current columns. */
    abstract void step(NormalStream random);
}
