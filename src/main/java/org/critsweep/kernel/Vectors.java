package org.critsweep.kernel;

/** Small in-place vector operations the propagators share. */
final class Vectors {

    private Vectors() {
    }

    static void fillGaussian(double[] x, NormalStream random) {
        random.fill(x, 0, x.length);
    }

    static double dot(double[] x, double[] y) {
        double s = 0.0;
        for (int i = 0; i < x.length; i++) {
            s += x[i] * y[i];
        }
        return s;
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
     * grows by −∞, exactly.
     *
     * @throws NumericalFault if the length is not finite
     */
    static double normaliseTangent(double[] u, int layer) {
        double norm = Math.sqrt(dot(u, u));
        if (norm == 0.0) {
            return Double.NEGATIVE_INFINITY;
        }
        if (!Double.isFinite(norm)) {
            throw new NumericalFault("tangent norm left the double range at layer " + layer + ": " + norm);
        }
        scale(u, 1.0 / norm);
        return Math.log(norm);
    }
}
