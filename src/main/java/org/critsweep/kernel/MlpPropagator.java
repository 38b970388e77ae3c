package org.critsweep.kernel;


/**
 * Propagates two inputs and a forward tangent through one random MLP and reports the observables of every layer
 * (SCIENCE.md §1–2).
 *
 * <p>The replicas are carried as h^a and the difference d = h^b − h^a, never as h^b: ρ = 1 − c is computed from d,
 * so it keeps full relative precision however small it gets, and an exact merger (d ≡ 0) stays exactly 0. The
 * difference is stored as d̃·2^e with max|d̃| in [1, 2), so it never underflows; once |d| < 2^{-600} the layer acts on
 * it linearly, φ(a + d) − φ(a) = φ′(a)d, whose neglected term is 2^{-600} smaller. The tangent is renormalised every
 * layer and its log-growth accumulated.
 *
 * <p>Buffers are allocated once per instance; an instance serves any number of replicas, one at a time.
 */
public final class MlpPropagator {

    /** Below |d| = 2^-600 the difference is propagated linearly, in scaled form. */
    private static final int LINEARISE_BELOW_EXPONENT = -600;

    private final NetworkSpec spec;
    private final Activation phi;
    private final LayerMap layerMap;
    private final int n;
    private double[] a;
    private double[] d;
    private double[] u;
    private double[] nextA;
    private double[] nextD;
    private double[] nextU;
    private final double[] postActivation;
    private final double[] slope;
    private final double[] deltaPhi;
    private final double[] tangentIn;
    private final PairGeometry geometry = new PairGeometry();
    private int dExponent;
    private boolean merged;

    public MlpPropagator(NetworkSpec spec, LayerMap layerMap) {
        this.spec = spec;
        this.phi = spec.activation();
        this.layerMap = layerMap;
        this.n = spec.width();
        this.a = new double[n];
        this.d = new double[n];
        this.u = new double[n];
        this.nextA = new double[n];
        this.nextD = new double[n];
        this.nextU = new double[n];
        this.postActivation = new double[n];
        this.slope = new double[n];
        this.deltaPhi = new double[n];
        this.tangentIn = new double[n];
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
     * {@code sink}.
     *
     * @throws NumericalFault if a length overflows or collapses to zero
     */
    public void run(NormalStream random, LayerSink sink) {
        drawInputs(random);
        double logNorm = 0.0;
        double growth = Double.NaN;
        for (int layer = 0; ; layer++) {
            prepareColumns();
            sink.accept(observe(layer, growth, logNorm));
            if (layer == spec.depth()) {
                return;
            }
            layerMap.apply(postActivation, deltaPhi, tangentIn, nextA, nextD, nextU, random);
            swapBuffers();
            normaliseDifference();
            growth = Vectors.normaliseTangent(u, layer + 1);
            logNorm += growth;
        }
    }

    /**
     * h^a = √(N q0) e1, h^b = √(N q0)(c0 e1 + √(1 − c0²) e2) with e1, e2 orthonormal and uniformly oriented, so q and
     * c are exact at layer 0; u^0 a uniform unit vector. Draw order: e1, e2, u^0 (N Gaussians each).
     */
    private void drawInputs(NormalStream random) {
        Vectors.fillGaussian(a, random);
        Vectors.fillGaussian(d, random);
        Vectors.fillGaussian(u, random);
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
        dExponent = 0;
        merged = false;
        normaliseDifference();
        Vectors.scale(u, 1.0 / Math.sqrt(Vectors.dot(u, u)));
    }

    /** The three columns the next layer multiplies, in d's scaled units for the difference. */
    private void prepareColumns() {
        boolean linear = dExponent < LINEARISE_BELOW_EXPONENT;
        // Exact powers of two (|dExponent| ≤ 600 here), so the products below are exact rescalings.
        double toTrue = linear ? 0.0 : Math.scalb(1.0, dExponent);
        double toScaled = linear ? 0.0 : Math.scalb(1.0, -dExponent);
        phi.evaluate(a, postActivation, slope, n);
        for (int j = 0; j < n; j++) {
            tangentIn[j] = slope[j] * u[j];
            if (merged) {
                deltaPhi[j] = 0.0;
            } else if (linear) {
                deltaPhi[j] = slope[j] * d[j];
            } else {
                deltaPhi[j] = phi.difference(a[j], d[j] * toTrue, postActivation[j], slope[j]) * toScaled;
            }
        }
    }

    private LayerObservables observe(int layer, double growth, double logNorm) {
        geometry.measure(a, d, dExponent, merged, 0, n);
        PairGeometry.requireUsableLength(layer, "q_a", geometry.sumAA);
        PairGeometry.requireUsableLength(layer, "q_b", geometry.sumBB);
        double sumPhi2 = 0.0;
        for (int i = 0; i < n; i++) {
            sumPhi2 += postActivation[i] * postActivation[i];
        }
        double g = spec.sigmaW() * spec.sigmaW() * sumPhi2 / n + spec.sigmaB() * spec.sigmaB();
        return new LayerObservables(layer, geometry.sumAA / n, geometry.sumBB / n, geometry.rho, geometry.lnRho, g,
                growth, logNorm, a[0]);
    }

    private void swapBuffers() {
        double[] t = a;
        a = nextA;
        nextA = t;
        t = d;
        d = nextD;
        nextD = t;
        t = u;
        u = nextU;
        nextU = t;
    }

    /** Rescales d̃ by a power of two (exact) so that max|d̃| is in [1, 2); detects an exact merger. */
    private void normaliseDifference() {
        if (merged) {
            return;
        }
        int shift = PairGeometry.normalisingShift(d);
        if (shift == Integer.MIN_VALUE) {
            merged = true;
        } else if (shift != 0) {
            Vectors.scaleByPowerOfTwo(d, -shift);
            dExponent += shift;
        }
    }
}
