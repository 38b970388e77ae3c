package org.critsweep.kernel;

/** Receives a CNN replica pair's observables layer by layer, from layer 0. */
@FunctionalInterface
public interface ConvSink {
    void accept(ConvObservables observables);
}
