package org.critsweep.kernel;

/** The dense reference sampler against the exact finite-width laws. */
class DenseSamplerLawsTest extends FiniteWidthLawsTest {

    @Override
    MlpPropagator sampler(NetworkSpec spec) {
        return MlpPropagator.dense(spec);
    }
}
