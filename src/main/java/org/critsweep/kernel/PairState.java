package org.critsweep.kernel;

/**
 * The state of a replica pair plus a tangent, shared by the MLP and CNN propagators: h^a, the difference
 * d = h^b − h^a as d̃·2^e with max|d̃| in [1, 2) (so it never underflows; exactly zero once the replicas merged), the
 * tangent u, their next-layer buffers, and the three columns a layer multiplies. Allocated once per propagator.
 */
final class PairState {

    /** Below |d| = 2^-600 the difference is propagated linearly: φ(a + d) − φ(a) = φ′(a)d, error 2^-600 relative. */
    private static final int LINEARISE_BELOW_EXPONENT = -600;

    final int n;
    double[] a;
    double[] d;
    double[] u;
    double[] nextA;
    double[] nextD;
    double[] nextU;
    final double[] postActivation;
    final double[] slope;
    final double[] deltaPhi;
    final double[] tangentIn;
    int dExponent;
    boolean merged;

    PairState(int n) {
        this.n = n;
        a = new double[n];
        d = new double[n];
        u = new double[n];
        nextA = new double[n];
        nextD = new double[n];
        nextU = new double[n];
        postActivation = new double[n];
        slope = new double[n];
        deltaPhi = new double[n];
        tangentIn = new double[n];
    }

    /** After new inputs were written to a, d (true scale) and u: brings d to scaled form and u to unit length. */
    void startReplica() {
        dExponent = 0;
        merged = false;
        normaliseDifference();
        Vectors.scale(u, 1.0 / Math.sqrt(Vectors.dot(u, u)));
    }

    /** The columns the next layer multiplies: φ(h^a), Δφ in d's scaled units, φ′(h^a) ⊙ u. */
    void prepareColumns(Activation phi) {
        boolean linear = dExponent < LINEARISE_BELOW_EXPONENT;
        // Exact powers of two (|dExponent| ≤ 600 here), so the products below are exact rescalings.
        double toTrue = linear ? 0.0 : Math.scalb(1.0, dExponent);
        double toScaled = linear ? 0.0 : Math.scalb(1.0, -dExponent);
        if (merged || linear) {
            phi.evaluate(a, postActivation, slope, n);
            for (int j = 0; j < n; j++) {
                deltaPhi[j] = merged ? 0.0 : slope[j] * d[j];
            }
        } else {
            phi.evaluateWithSteps(a, d, toTrue, toScaled, postActivation, slope, deltaPhi, n);
        }
        for (int j = 0; j < n; j++) {
            tangentIn[j] = slope[j] * u[j];
        }
    }

    /**
     * Makes the next-layer buffers current, rescales the difference and renormalises the tangent.
     *
     * @return the tangent's log-growth over this layer (−∞ once it died; NaN or +∞ when its length is not finite)
     */
    double advance() {
        double[] t = a;
        a = nextA;
        nextA = t;
        t = d;
        d = nextD;
        nextD = t;
        t = u;
        u = nextU;
        nextU = t;
        normaliseDifference();
        return Vectors.normaliseTangent(u);
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
