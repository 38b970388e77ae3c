package org.critsweep.kernel;

import java.util.Optional;

/**
 * Propagates two inputs and a forward tangent through one random MLP and reports the observables of every layer
 * (PHYSICS.md §1–2).
 *
 * <p>The replicas are carried as h^a and the difference d = h^b − h^a, never as h^b: ρ = 1 − c is computed from d,
 * so it keeps full relative precision however small it gets, and an exact merger (d ≡ 0) stays exactly 0 (see
 * {@link PairState}). The tangent is renormalised every layer and its log-growth accumulated.
 *
 * <p>Buffers are allocated once per instance; an instance serves any number of replicas, one at a time.
 */
public final class MlpPropagator extends PairPropagation<LayerObservables> {

    private final NetworkSpec spec;
    private final LayerMap layerMap;
    private final PairGeometry geometry = new PairGeometry();

    public MlpPropagator(NetworkSpec spec, LayerMap layerMap) {
        super(spec.width(), spec.depth());
        this.spec = spec;
        this.layerMap = layerMap;
    }

    /** A propagator with the dense reference sampler, O(N²) per layer. */
    public static MlpPropagator dense(NetworkSpec spec) {
        return new MlpPropagator(spec, new DenseLayerMap(spec.sigmaW(), spec.sigmaB(), spec.width()));
    }

    /** A propagator with the exact Gram sampler, O(N) per layer. */
    public static MlpPropagator gram(NetworkSpec spec) {
        return new MlpPropagator(spec, new GramLayerMap(spec.sigmaW(), spec.sigmaB(), spec.width()));
    }

    /**
     * Runs one replica: draws its inputs and every layer from {@code random}, and hands layers 0..depth to
     * {@code sink} — up to the layer before a numerical fault, if one stops the replica.
     *
     * @return the fault that stopped the replica, or empty when it reached the last layer
     */
    public Optional<NumericalFault> run(NormalStream random, LayerSink sink) {
        return propagate(random, spec.activation(), sink::accept);
    }

    /**
     * h^a = √(N q0) e1, h^b = √(N q0)(c0 e1 + √(1 − c0²) e2) with e1, e2 orthonormal and uniformly oriented, so q and
     * c are exact at layer 0; u^0 a uniform unit vector. Draw order: e1, e2, u^0 (N Gaussians each).
     */
    @Override
    void drawInputs(NormalStream random) {
        double[] a = state.a;
        double[] d = state.d;
        int n = state.n;
        Vectors.fillGaussian(a, random);
        Vectors.fillGaussian(d, random);
        Vectors.fillGaussian(state.u, random);
        Vectors.scale(a, 1.0 / Math.sqrt(Vectors.dot(a, a)));
        double overlap = Vectors.dot(a, d);
        for (int i = 0; i < n; i++) {
            d[i] -= overlap * a[i];
        }
        Vectors.scale(d, 1.0 / Math.sqrt(Vectors.dot(d, d)));
        double radius = Math.sqrt(n * spec.q0());
        double c0 = spec.c0();
        double along = c0 - 1.0;
        double across = Math.sqrt((1.0 - c0) * (1.0 + c0));
        for (int i = 0; i < n; i++) {
            double e1 = a[i];
            a[i] = radius * e1;
            d[i] = radius * (along * e1 + across * d[i]);
        }
    }

    @Override
    void step(NormalStream random) {
        PairState s = state;
        layerMap.apply(s.postActivation, s.deltaPhi, s.tangentIn, s.nextA, s.nextD, s.nextU, random);
    }

    @Override
    LayerObservables observe(int layer, double growth, double logNorm) {
        PairState s = state;
        int n = s.n;
        geometry.measure(s.a, s.d, s.dExponent, s.merged, 0, n);
        double sumPhi2 = Vectors.dot(s.postActivation, s.postActivation);
        double g = spec.sigmaW() * spec.sigmaW() * sumPhi2 / n + spec.sigmaB() * spec.sigmaB();
        lengths.sumAA = geometry.sumAA;
        lengths.sumBB = geometry.sumBB;
        lengths.smallestBlock = Math.min(geometry.sumAA, geometry.sumBB);
        lengths.next = g * n;
        return new LayerObservables(layer, geometry.sumAA / n, geometry.sumBB / n, geometry.rho, geometry.lnRho, g,
                growth, logNorm, s.a[0], Vectors.sumFourth(s.a) / n);
    }
}
