package org.critsweep.kernel;

/** Small in-place vector operations the propagators share. */
final class Vectors {

    private Vectors() {
    }

    static void fillGaussian(double[] x, NormalStream random) {
        random.fill(x, 0, x.length);
    }

    static double dot(double[] x, double[] y) {
        return dot(x, y, 0, x.length);
    }

    /**
     * Σ x_i y_i over [from, to) with four independent partial sums, so the loop is bound by throughput rather than by
     * the latency of one chain of additions (the JIT does not reassociate floating-point sums by itself).
     */
    static double dot(double[] x, double[] y, int from, int to) {
        double s0 = 0.0;
        double s1 = 0.0;
        double s2 = 0.0;
        double s3 = 0.0;
        int i = from;
        for (; i + 3 < to; i += 4) {
            s0 += x[i] * y[i];
            s1 += x[i + 1] * y[i + 1];
            s2 += x[i + 2] * y[i + 2];
            s3 += x[i + 3] * y[i + 3];
        }
        for (; i < to; i++) {
            s0 += x[i] * y[i];
        }
        return (s0 + s1) + (s2 + s3);
    }

    /** Σ x_i⁴ over the whole vector, with two independent chains. */
    static double sumFourth(double[] x) {
        double s0 = 0.0;
        double s1 = 0.0;
        int i = 0;
        for (; i + 1 < x.length; i += 2) {
            double a = x[i] * x[i];
            double b = x[i + 1] * x[i + 1];
            s0 += a * a;
            s1 += b * b;
        }
        for (; i < x.length; i++) {
            double a = x[i] * x[i];
            s0 += a * a;
        }
        return s0 + s1;
    }

    /** max |x_i| over [from, to), with two independent chains. */
    static double maxAbs(double[] x, int from, int to) {
        double m0 = 0.0;
        double m1 = 0.0;
        int i = from;
        for (; i + 1 < to; i += 2) {
            m0 = Math.max(m0, Math.abs(x[i]));
            m1 = Math.max(m1, Math.abs(x[i + 1]));
        }
        for (; i < to; i++) {
            m0 = Math.max(m0, Math.abs(x[i]));
        }
        return Math.max(m0, m1);
    }

    static void scale(double[] x, double factor) {
        for (int i = 0; i < x.length; i++) {
            x[i] *= factor;
        }
    }

    /** Multiplies by 2^exponent: exact, except for elements 2^1022 times below the largest, which become subnormal. */
    static void scaleByPowerOfTwo(double[] x, int exponent) {
        scale(x, Math.scalb(1.0, exponent));
    }

    /**
     * Renormalises a tangent to unit length and returns ln of its length before (the layer's log-growth). A tangent that
     * is exactly zero (every neuron of a ReLU layer off: the network no longer depends on its input) stays zero and
     * grows by −∞, exactly. A length that is not finite is returned as a NaN or +∞ growth and the tangent left as it is:
     * the propagation's range check stops the replica at this layer ({@link LayerLengths}).
     */
    static double normaliseTangent(double[] u) {
        double norm = Math.sqrt(dot(u, u));
        if (norm == 0.0) {
            return Double.NEGATIVE_INFINITY;
        }
        if (Double.isFinite(norm)) {
            scale(u, 1.0 / norm);
        }
        return Math.log(norm);
    }
}
