package org.critsweep.kernel;

/** Receives a replica's observables layer by layer, in increasing layer order starting at 0. */
@FunctionalInterface
public interface LayerSink {
    void accept(LayerObservables observables);
}
