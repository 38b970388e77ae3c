package org.critsweep.kernel;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Runs independent replicas of one network spec on keyed streams and keeps every layer (test helper). */
final class Replicas {

    private Replicas() {
    }

    /**
     * Replica r runs on {@code ReplicaStreams.of(seed, pointKey, r)}, r = 0..count−1, with one reused dense propagator.
     *
     * @return observables[replica][layer], layers 0..depth
     */
    static LayerObservables[][] run(NetworkSpec spec, long seed, long pointKey, int count) {
        return run(MlpPropagator::dense, spec, seed, pointKey, count);
    }

    /** As {@link #run(NetworkSpec, long, long, int)} with the sampler that {@code sampler} builds. */
    static LayerObservables[][] run(Function<NetworkSpec, MlpPropagator> sampler, NetworkSpec spec, long seed,
                                    long pointKey, int count) {
        MlpPropagator propagator = sampler.apply(spec);
        LayerObservables[][] result = new LayerObservables[count][];
        for (int r = 0; r < count; r++) {
            result[r] = runOne(propagator, ReplicaStreams.of(seed, pointKey, r));
        }
        return result;
    }

    static LayerObservables[] runOne(MlpPropagator propagator, NormalStream random) {
        List<LayerObservables> layers = new ArrayList<>();
        propagator.run(random, layers::add);
        return layers.toArray(LayerObservables[]::new);
    }
}
