package org.critsweep.kernel;

import java.util.function.Consumer;

/**
 * The layer loop both propagators share: inputs, then for each layer its observables and the step to the next.
 *
 * @param <O> what a layer reports
 */
abstract class PairPropagation<O> {

    final PairState state;
    private final int depth;

    PairPropagation(int components, int depth) {
        this.state = new PairState(components);
        this.depth = depth;
    }

    /** Runs one replica pair through layers 0..depth, handing each layer's observables to {@code sink}. */
    final void propagate(NormalStream random, Activation phi, Consumer<O> sink) {
        drawInputs(random);
        state.startReplica();
        double logNorm = 0.0;
        double growth = Double.NaN;
        for (int layer = 0; ; layer++) {
            state.prepareColumns(phi);
            sink.accept(observe(layer, growth, logNorm));
            if (layer == depth) {
                return;
            }
            step(random);
            growth = state.advance(layer + 1);
            logNorm += growth;
        }
    }

    /** Writes the inputs (true scale) to a, d and u, drawing from {@code random} in the documented order. */
    abstract void drawInputs(NormalStream random);

    abstract O observe(int layer, double growth, double logNorm);

    /** Draws one layer's weights and writes nextA, nextD, nextU from the current columns. */
    abstract void step(NormalStream random);
}
