package org.critsweep.kernel;

/** The exact Gram sampler against the exact finite-width laws. */
class GramSamplerLawsTest extends FiniteWidthLawsTest {

    @Override
    MlpPropagator sampler(NetworkSpec spec) {
        return MlpPropagator.gram(spec);
    }
}
